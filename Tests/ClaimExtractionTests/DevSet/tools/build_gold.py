#!/usr/bin/env python3
"""Writes the development set's gold files from hand annotations.

The annotations below were made by reading each article (Tests/ClaimExtractionTests/DevSet/dev/*.txt),
not from the extractor's output. Each quote or claim is given by its first and last words; this script
copies the exact text between them from the article, so the gold is verbatim, and fails loudly if a
fragment is not found. Format: shared/eval/README.md.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "dev"


def span(text, first, last):
    i = text.find(first)
    if i < 0:
        sys.exit(f"not found: {first!r}")
    j = text.find(last, i)
    if j < 0:
        sys.exit(f"not found after {first!r}: {last!r}")
    return text[i:j + len(last)]


def article(name, quotes, claims, not_quotes=(), optional=()):
    path = next(HERE.glob(name + "*.txt"))
    text = path.read_text()
    gold = {
        "article": path.name,
        "quotes": [{"text": span(text, a, b), "speaker": s, "cue": c, "via": v} for a, b, s, c, v in quotes],
        "claims": [{"text": span(text, a, b), "kind": k, "speaker": s} for a, b, k, s in claims],
        "not_quotes": list(not_quotes),
        "optional": list(optional),
    }
    path.with_suffix(".json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n")


BOUDREAU, SUTER, PARISE = "Bruce Boudreau", "Ryan Suter", "Zach Parise"

article("13-", quotes=[
    ("worst case scenario", "worst case scenario", "Taylor Swift", "described", None),
    ("incessant, manipulative", "bullying", "Taylor Swift", "accused", None),
    ("I just want to be able", "my own music,", "Taylor Swift", "said", None),
    ("That's it. I've tried", "resolve anything.", "Taylor Swift", "said", None),
    ("At no point did we say", "Netflix special,", "Big Machine", "said", None),
    ("In fact, we do not have", "live anywhere.", "Big Machine", "said", None),
    ("[We] have agreed", "agreed platforms,", "Big Machine", "says", None),
    ("It should be noted", "other live event.", "Big Machine", "says", None),
    ("Any final agreement", "no further comment,", "Dick Clark Productions", "said", None),
], claims=[
    ("The group that owns most", "on Sunday.", "attributed", "Big Machine"),
    ("Swift got high profile support", "back catalogue.", "date", None),
    ("But the company says", "first place.", "attributed", "Big Machine"),
    ("Taylor Swift's first six albums", "earlier this year.", "count", None),
    ("Braun has worked with", "in the past.", "other", None),
    ("He has consistently denied", "unfair to her.", "attributed", "Scooter Braun"),
    ("Then, last week, Taylor Swift posted", "at the AMAs.", "date", None),
    ("She claimed the label", "re-recording.", "attributed", "Taylor Swift"),
    ("She also accused Big Machine", "about her life.", "attributed", "Taylor Swift"),
    ("Her post got the attention", "Ocasio-Cortez.", "count", None),
    ("They criticised Scooter Braun", "smaller ones.", "other", None),
    ("Big Machine have twice denied", "anything wrong.", "count", None),
    ("Now they've put out another", "of the AMAs.", "other", None),
    ("The company that runs the AMAs", "sorted, though.", "attributed", "Dick Clark Productions"),
])

article("20-", quotes=[
    ("Hey Twitter, the whole point", "raise awareness,", "Kristi Noem", "tweeted", None),
    ("So I think that’s working.", "So I think that’s working.", "Kristi Noem", "tweeted", None),
    ("South Dakota has a problem.", "Let’s work together. Meth. We’re on it.", "*", "contains", None),
], claims=[
    ("(We never did settle", "packed with them.)", "count", None),
    ("The state’s new slogan", "social media Monday.", "date", None),
    ("Yes this is real and yes", "half a million dollars on it", "statistic", "Dianna E. Anderson"),
    ("So many people were talking", "top Twitter trends.", "ranking", None),
    ("According to a report in the Argus Leader", "meth crisis.", "attributed", "Argus Leader"),
    ("The report says the Minneapolis", "so far this year.", "statistic", "Argus Leader"),
    ("Noem saw the Twitter reaction", "on the slogan.", "other", None),
    ("Still, this isn’t the first time", "in South Dakota.", "count", None),
    ("Consider this 2014 entry", "on icy roads.", "date", None),
    ("The road safety slogan", "Public Safety.", "other", None),
    ("“Meth. We’re on it” is rolling out", "“I’m on meth.”", "other", None),
], not_quotes=["Meth. We’re on it.", "We’re On It", "Meth. We’re on it", "Don’t jerk and drive,",
               "Meth. We're On It.", "Don’t Jerk and Drive"],
   optional=["I’m on meth."])

DEMPSEY = "Owen Dempsey"
article("07-", quotes=[
    ("Going upstairs to bed", "sit and rest,", "patient", "described", None),
    ("I was signed off work", "time asleep.", "patient", "described", None),
    ("I'm sure it happens", "than we realize,", DEMPSEY, "said", None),
    ("You name it, it probably", "been described.", DEMPSEY, "added", None),
    ("It doesn't affect me", "as it was before,", "patient", "wrote", None),
    ("take really detailed histories", "take really detailed histories", DEMPSEY, "said", None),
    ("That way they may uncover", "trigger lung disease.", DEMPSEY, "said", None),
    ("people with pillows and duvets", "throw them out,", DEMPSEY, "said", None),
], claims=[
    ("A 43-year-old-man, after having", "a new case report.", "attributed", "case report"),
    ("The patient went to his doctor", "breathlessness.", "count", None),
    ("The doctor first diagnosed", "tract infection.", "other", None),
    ("While the man's symptoms improved", "14 days off work.", "statistic", None),
    ("The man went back to the doctor", "house to another.", "other", None),
    ("His general practitioner ordered", "to be normal.", "other", None),
    ("But when Dr. Owen Dempsey", "detailed CT scan.", "other", None),
    ("The scan revealed severe", "the man's lungs.", "other", None),
    ("After questioning the patient", "feather bedding.", "other", None),
    ("Blood tests revealed", "goose feathers.", "other", None),
    ("The patient was diagnosed with what's called", "response to feathers.", "other", None),
    ("Feather duvet lung is a type", "become inflamed.", "other", None),
    ("What's more, there are many variations", "he added.", "attributed", DEMPSEY),
    ("The patient was given steroids", "synthetic materials.", "other", None),
    ("His symptoms improved rapidly", "felt well again.", "count", None),
    ("After a year, his symptoms", "Dempsey said.", "attributed", DEMPSEY),
    ("The findings were published today", "BMJ Case Reports.", "date", None),
], not_quotes=["feather-duvet lung,", "feather duvet lung,", "hypersensitive pneumonitis"],
   optional=["unexplained,"])

JVDB = "James Van Der Beek"
article("08-", quotes=[
    ("hardest judge’s verdict", "so far this season.", "Tom Bergeron", "described", None),
    ("worst nightmare.”", "worst nightmare.", JVDB, "noting", None),
    ("My wife Kimberly and I went", "lost the baby,", JVDB, "said", None),
    ("The little soul that we had", "lies beyond.", JVDB, "said", None),
    ("You never know why these things", "your appreciation,", JVDB, "said", None),
    ("It makes you more human.", "It makes you more human.", JVDB, "said", None),
    ("Hearing the heartbeat was", "for granted,", "*", "said", None),
    ("zero shame” involved", "zero shame", JVDB, "noted", None),
    ("@Vanderkimberly and I have been", "go through in secret.", JVDB, "noted", None),
    ("But there needs to be zero shame", "when they need it most.", JVDB, "noted", None),
    ("This is not easy. First of all", "expected to see here,", "Carrie Ann Inaba", "noted", None),
    ("Can I give it to James?", "Can I give it to James?", "Ally Brooke", "asked", None),
    ("a lovely gesture.", "a lovely gesture.", "Tom Bergeron", "noting", None),
], claims=[
    ("James Van Der Beek has been eliminated", "with the Stars.”", "other", None),
    ("The former “ Dawson’s Creek", "Carrie Ann Inaba.", "statistic", None),
    ("The difficult elimination came", "over the weekend.", "date", None),
    ("The news of the miscarriage came", "episode of “DWTS.”", "date", None),
    ("The actor shared a clip", "in attendance.", "other", None),
    ("His wife has suffered several", "in the past.", "count", None),
    ("Upon hearing the news that she", "to Van Der Beek.", "other", None),
], not_quotes=["Dancing with the Stars.", "Dawson’s Creek", "DWTS.", "Pose", "carry", "DWTS"])

article("10-", quotes=[
    ("It takes a little longer now", "confidence back,", BOUDREAU, "said", None),
    ("That goes a long way.", "That goes a long way.", BOUDREAU, "said", None),
    ("That’s perfect,", "That’s perfect,", BOUDREAU, "said", None),
    ("It’s the mark of a true competitor", "for the team.", BOUDREAU, "said", None),
    ("He’s used to scoring goals", "getting points,", SUTER, "said", None),
    ("You can go either way,", "You can go either way,", PARISE, "said", None),
    ("I was going the other way", "my way out of it.", PARISE, "said", None),
    ("He’s starting to feel it", "bit again,", BOUDREAU, "said", None),
    ("And we need those goals.", "And we need those goals.", BOUDREAU, "said", None),
    ("It’s hard not to, though,", "It’s hard not to, though,", SUTER, "acknowledged", None),
    ("We know where we are", "good step forward.", SUTER, "acknowledged", None),
    ("believe in yourselves", "believe in yourselves", BOUDREAU, "telling", None),
    ("good team.", "good team.", BOUDREAU, "telling", None),
    ("You’ve beaten some really good", "this year,", BOUDREAU, "said", None),
    ("You’ve been in every game", "going to happen.", BOUDREAU, "said", None),
    ("I said the same thing when", "weren’t playing good.", BOUDREAU, "said", None),
    ("I didn’t really see him coming,", "I didn’t really see him coming,", "Joel Eriksson Ek", "said", None),
    ("He came off my back", "ready for it.", "Joel Eriksson Ek", "said", None),
    ("We’ve been there.", "feel good about.", PARISE, "said", None),
    ("just trying to spark", "some energy.", "Jack Eichel", "said", None),
    ("I haven’t talked to the trainers", "at all,", BOUDREAU, "said", None),
], claims=[
    ("BUFFALO, N.Y. — Hours before", "start scoring.", "count", BOUDREAU),
    ("Right now, having scored", "with confidence.", "count", None),
    ("Parise’s first-period goals", "wouldn’t relinquish.", "statistic", None),
    ("For good measure, Parise blocked", "third period.", "count", None),
    ("Barely a week ago, Parise, 35", "10-game stretch.", "statistic", None),
    ("But Parise has quickly turned", "first 18 games.", "statistic", None),
    ("Parise opened the scoring", "on a two-on-one.", "other", None),
    ("He tipped Suter’s shot", "for the Sabres.", "other", None),
    ("The Wild still rank at the bottom", "Central Division.", "ranking", None),
    ("The Sabres, having lost eight", "playing awfully.", "statistic", None),
    ("In the second period, Sabres captain", "fighting major.", "count", None),
    ("Meanwhile, Wild goalie Alex Stalock", "stopping 30 shots.", "statistic", None),
    ("Sabres defenseman Brandon Montour", "the third period.", "statistic", None),
    ("Defenseman Jonas Brodin had scored", "sealed it.", "other", None),
    ("The Wild lost defenseman Matt Dumba", "undisclosed injury.", "other", None),
])

article("22-", quotes=[
    ("that’s really good, maybe", "go on the road.", "Pat Simmons", "told", None),
    ("We're truly excited about our", "Anniversary Tour,", "Tom Johnston", "comments", None),
    ("as it's a celebration of", "as well as new music.", "Tom Johnston", "comments", None),
], claims=[
    ("To celebrate 50 years since", "tour next year.", "statistic", None),
    ("Kicking off in June 2020", "quarter century.", "statistic", None),
    ("Simmons teased The Doobie Brothers", "The Captain and Me.", "date", None),
    ("The four-time Grammy winning band", "Seattle and Los Angeles.", "statistic", None),
    ("Also, the Doobies will loop into", "on the tour, Oct. 10.", "date", None),
    ("Live Nation is producing the tour", "at LiveNation.com.", "date", None),
    ("According to LN, expect to hear", "and others.", "attributed", "LN"),
    ("Earlier this year, Johnston told Billboard", "release next year.", "attributed", "Tom Johnston"),
    ("Long considered one of the Rock", "nominated for induction.", "date", None),
], not_quotes=["Takin’ It To the Streets,", "Listen To The Music,", "Takin’ It To The Streets,",
               "Long Train Running,", "Black Water,", "What A Fool Believes,", "China Grove,",
               "Minute By Minute,", "It Keeps You Runnin’,", "Jesus Is Just Alright With Me"])

COOK, BENIOFF = "Tim Cook", "Marc Benioff"
article("04-", quotes=[
    ("pulled into the enterprise,", "pulled into the enterprise,", COOK, "said", None),
    ("began to say we want you", "this and that,", COOK, "told", None),
    ("best mobile operating system", "for enterprise.", COOK, "told", None),
    ("We really took that challenge", "to heart,", COOK, "said", None),
    ("we love you for that,", "we love you for that,", COOK, "said", None),
    ("someone who has redefined", "executive officer", BENIOFF, "introduced", None),
    ("is our dream,", "is our dream,", BENIOFF, "said", None),
    ("I run my business on my phone.", "I don’t need one,", BENIOFF, "told", None),
    ("You guys have done", "such a good job.", BENIOFF, "told", None),
    ("I love the way you're constantly", "or handoffs,", COOK, "told", None),
    ("going way off script", "along the way.", COOK, "remembered", None),
    ("I can feel him and his presence", "when I come here,", COOK, "said", None),
    ("We all miss Steve so much,", "We all miss Steve so much,", BENIOFF, "weighed in", None),
    ("since he passed, you've been", "and his values.", BENIOFF, "telling", None),
    ("first hand their love", "commitment to it.", COOK, "said", None),
    ("bolt-on things,", "bolt-on things,", COOK, "said", None),
    ("embedded in who we are.", "embedded in who we are.", COOK, "said", None),
], claims=[
    ("After the first iPhones shipped", "in San Francisco.", "attributed", COOK),
    ("Apple is now in every Fortune 500", "Cook told Benioff.", "statistic", COOK),
    ("To that, Cook joked that", "a couple songs.", "count", COOK),
    ("But Apple has had a place in his heart", "at the company.", "date", BENIOFF),
    ("Now his own company, Salesforce", "on mobile devices.", "other", None),
    ("And they both got a little choked up", "many products.", "other", None),
    ("Apple, a giant industrial producer", "cleaner as well.", "other", None),
    ("Those values also extend to human rights", "entering undocumented.", "other", None),
], optional=["a fundamental human right"])

article("19-", quotes=[
    ("We need to make sure we keep", "in the classroom,", "Angela Cooper", "said", None),
    ("They start in the classroom", "paid enough.", "Angela Cooper", "said", None),
    ("The crisis is now, and we need", "action now,", "Keith Gambill", "said", None),
    ("The issue is funding, and the state", "has the money.", "Keith Gambill", "said", None),
    ("We get that you’re frustrated,", "We get that you’re frustrated,", "Brian Bosma", "said", None),
    ("We get that you are concerned", "about issues.", "Brian Bosma", "said", None),
    ("asking for the moon.", "asking for the moon.", "Jennifer McCormick", "told", None),
    ("What a shame that it takes today", "our kids deserve,", "Jennifer McCormick", "said", None),
    ("They think they know better", "than us,", "Joel Schlabach", "said", None),
    ("They don’t trust us to make", "in the classroom.", "Joel Schlabach", "said", None),
], claims=[
    ("Indianapolis – Several thousand teachers", "for the day.", "statistic", None),
    ("The union-organized rally represented", "past two years.", "ranking", None),
    ("High school math teacher Angela Cooper said", "for the rally.", "statistic", "Angela Cooper"),
    ("She said a top worry is low pay", "other jobs.", "attributed", "Angela Cooper"),
    ("Indiana State Teachers Association President", "helping schools.", "statistic", "Keith Gambill"),
    ("Nearly 300 school districts closed", "teachers unions.", "statistic", "teachers unions"),
    ("It came as legislators gather", "in early January.", "date", None),
    ("The unions said more than 15,000", "for the rally.", "statistic", "unions"),
    ("Indiana State Police reported at least", "on the grounds.", "statistic", "Indiana State Police"),
    ("Republican Gov. Eric Holcomb and leaders", "for the closings.", "other", None),
    ("However, they said they don’t expect", "at least 2021.", "date", "Eric Holcomb"),
    ("Other teacher protests were held", "Oklahoma and Arizona.", "date", None),
    ("Bosma said lawmakers would take action", "teachers unions.", "attributed", "Brian Bosma"),
    ("Teachers didn’t see Holcomb", "on Tuesday.", "date", None),
    ("His office said he was keeping", "election campaign.", "statistic", "His office"),
    ("The governor said he was waiting", "end of 2020.", "date", "Eric Holcomb"),
    ("Education advocacy groups estimated", "neighboring states.", "statistic", "Education advocacy groups"),
    ("Republican state schools Superintendent", "since 2002.", "ranking", "Jennifer McCormick"),
], not_quotes=["Less Money on Testing, More Money on Students.", "We’re Not Gonna Take It"],
   optional=["Fund our schools,", "Put kids first,", "Red for Ed,", "vilified"])
