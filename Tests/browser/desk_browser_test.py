#!/usr/bin/env python3
"""The web review in a real browser: headless Chromium (Debian's chromium + chromium-driver)
driven by selenium, against `claimledger serve` on a fresh ledger of the two sample articles.

Signs in (a wrong token first), opens an article, selects a claim in the text, verifies it with
evidence, sees it in the queue's counts and in the downloaded report; a form without the
session's CSRF token is refused; axe-core finds no critical or serious accessibility violation on
any page at desktop and phone width. Screenshots go to --screenshots (look at them).

Usage: Tests/browser/desk_browser_test.py --claimledger .build/debug/claimledger [--screenshots DIR]
Exit 0 when every step held; otherwise the failed step is printed and the exit code is 1.
"""
import argparse, glob, json, os, re, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout


def start_server(binary, db):
    proc = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = proc.stderr.readline()
        m = re.search(r"desk on (http://127\.0\.0\.1:\d+)/", line)
        if m:
            return proc, m.group(1)
    proc.kill()
    raise SystemExit("the server did not start")


def browser():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def click_and_wait(driver, element):
    """Clicks a link or button and waits until the next page has replaced this one (a click
    returns before the navigation it starts: reading the page at once reads the old one)."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 30).until(lambda d: detached(old))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def detached(element):
    """Whether the element left the document. Chrome answers a node of a page being replaced either
    as stale or, mid-navigation, with "Node with given id does not belong to the document" (a plain
    WebDriverException, which selenium's staleness_of does not catch): both mean it is gone."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as e:
        if "does not belong to the document" in str(e):
            return True
        raise


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what)


def request(url, cookie, data=None):
    req = urllib.request.Request(url, data=data, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def session_flow(driver, base, token, shots):
    driver.get(base + "/")
    check(driver.current_url.endswith("/login"), "a visitor without a session is sent to the sign-in page")
    driver.find_element(By.ID, "token").send_keys("clr_not-a-token")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button"))
    check("does not sign anyone in" in driver.page_source, "a wrong token is refused with a message")
    driver.find_element(By.ID, "token").send_keys(token)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button"))
    check(driver.find_element(By.TAG_NAME, "h1").text == "Queue", "the right token opens the queue")
    driver.save_screenshot(os.path.join(shots, "1-queue.png"))
    counts = driver.find_element(By.CLASS_NAME, "counts").text
    check("verified 0" in counts, "the queue counts no verified claim yet: " + counts)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "tbody tr td:nth-child(5) a"))
    check(len(driver.find_elements(By.CSS_SELECTOR, ".text a.mark")) > 3, "the article page marks its claims in the text")
    mark = driver.find_element(By.CSS_SELECTOR, ".text a.mark.selected")
    claim_id = mark.get_attribute("id")[2:]
    driver.save_screenshot(os.path.join(shots, "2-article.png"))
    selects_in_place(driver, claim_id)
    enter_records_nothing(driver, base, claim_id)
    driver.find_element(By.CSS_SELECTOR, "input[name=status][value=verified]").click()
    Select(driver.find_element(By.ID, "rating")).select_by_index(1)
    rating = Select(driver.find_element(By.ID, "rating")).first_selected_option.text
    driver.find_element(By.ID, "dnote").send_keys("figures match the yearbook")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[name=record]"))
    check("Recorded: verified." in driver.page_source, "choosing Verified and pressing Record decision records it")
    check(len(driver.find_elements(By.CSS_SELECTOR, "a.mark.verified.selected")) == 1, "the mark now says verified")
    keeps_the_reader_in_the_article(driver)
    verdict = driver.find_element(By.CSS_SELECTOR, ".verdict").text
    check("verified" in verdict and rating in verdict and "figures match the yearbook" in verdict and "ann" in verdict,
          "the panel shows the verdict as recorded (rating, note, who): " + verdict)
    check(driver.find_element(By.CSS_SELECTOR, ".verdict a").get_attribute("href") == "https://stats.example/customs-2023",
          "the evidence is a link")
    driver.save_screenshot(os.path.join(shots, "3-verified.png"))
    dismiss_and_reopen(driver, base)
    driver.get(base + "/")
    check("verified 1" in driver.find_element(By.CLASS_NAME, "counts").text, "the queue counts it as verified")
    return claim_id


def panel_heading(driver):
    """The claim panel's heading as the page has it now (read in the page: the panel's content is
    swapped, so an element found earlier may be gone)."""
    return driver.execute_script("var h = document.querySelector('#panel h2'); return h ? h.textContent : ''") or ""


def selects_in_place(driver, claim_id):
    """A mark clicked far down the article selects its claim without reloading: the reading place
    stays, the panel shows that claim, the address follows; Back returns to the first claim."""
    marks = driver.find_elements(By.CSS_SELECTOR, ".text a.mark")
    other = [m for m in marks if m.get_attribute("id") != "m-" + claim_id][-1]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", other)
    before = driver.execute_script("window.__samePage = true; return window.scrollY")
    other_id = other.get_attribute("id")[2:]
    other.click()
    WebDriverWait(driver, 10).until(lambda d: other_id in panel_heading(d))
    check(driver.execute_script("return window.__samePage === true"), "selecting a mark does not reload the page")
    check(abs(driver.execute_script("return window.scrollY") - before) < 5, "the reading place is kept")
    check("c=" + other_id in driver.current_url, "the address names the claim selected")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".text a.mark.selected")) == 1
          and driver.find_element(By.CSS_SELECTOR, ".text a.mark.selected").get_attribute("id") == "m-" + other_id,
          "only the clicked mark is selected")
    driver.back()
    WebDriverWait(driver, 10).until(lambda d: claim_id in panel_heading(d))
    check("c=" + claim_id in driver.current_url, "Back returns to the claim selected before")


def in_view(driver, element):
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;", element)


def keeps_the_reader_in_the_article(driver):
    """After a decision on a wide screen: the confirmation is in the panel and has the focus, the
    claim's mark is on screen beside the panel (sticky), not the article's first lines."""
    done = driver.find_element(By.ID, "done")
    check(done.text == "Recorded: verified." and done.find_element(By.XPATH, "ancestor::aside[@id='panel']") is not None,
          "the confirmation is at the top of the panel")
    check(driver.switch_to.active_element == done, "the confirmation has the focus (not the page's body)")
    mark = driver.find_element(By.CSS_SELECTOR, ".text a.mark.selected")
    check(in_view(driver, mark) and in_view(driver, done), "the decided claim's mark and the confirmation are both on screen")
    check(driver.execute_script("return window.scrollY") > 0 or in_view(driver, mark), "the page is at the claim, not its top")


def ledger_size(driver):
    return int(re.search(r"(\d+) entries", driver.find_element(By.TAG_NAME, "footer").text).group(1))


def enter_records_nothing(driver, base, claim_id):
    """Enter in every text field of the panel, with and without a verdict chosen, records nothing."""
    before = ledger_size(driver)
    driver.find_element(By.ID, "evidence").send_keys("https://stats.example/customs-2023")
    for field in ("evidence", "dnote", "speaker", "reason"):
        driver.find_element(By.ID, field).send_keys(Keys.ENTER)
    driver.find_element(By.CSS_SELECTOR, "input[name=status][value=disputed]").click()
    driver.find_element(By.ID, "evidence").send_keys(Keys.ENTER)
    time.sleep(1)
    check("Nothing was recorded" not in driver.page_source, "Enter sent no form at all (the panel's forms ignore it)")
    driver.get(driver.current_url)
    check(ledger_size(driver) == before, "Enter in the evidence, note, speaker and reason fields records nothing")
    check("unverified" in driver.find_element(By.CSS_SELECTOR, ".panel h2").text, "the claim is still unverified")
    driver.find_element(By.ID, "evidence").clear()
    driver.find_element(By.ID, "evidence").send_keys("https://stats.example/customs-2023")


def dismiss_and_reopen(driver, base):
    """Dismiss a second claim from its panel with a reason, then reopen it."""
    driver.get(base + "/")
    link = driver.find_elements(By.CSS_SELECTOR, "tbody tr td:first-child a")[1]
    click_and_wait(driver, link)
    driver.find_element(By.CSS_SELECTOR, "input[name=status][value=dismissed]").click()
    driver.find_element(By.ID, "evidence").send_keys("opinion, not a checkable claim")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[name=record]"))
    check("Recorded: dismissed" in driver.page_source and "opinion, not a checkable claim" in driver.find_element(By.CSS_SELECTOR, ".verdict").text,
          "Dismiss from the panel records it with its reason")
    driver.find_element(By.CSS_SELECTOR, "input[name=status][value=unverified]").click()
    driver.find_element(By.ID, "evidence").send_keys("it cites a figure after all")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[name=record]"))
    check("Recorded: reopened" in driver.page_source and "it cites a figure after all" in driver.find_element(By.CSS_SELECTOR, ".verdict").text,
          "Reopen from the panel records it with its reason")
    driver.save_screenshot(os.path.join(shots_dir, "3b-reopened.png"))


def take_and_find_in_mine(driver, base, claim_id):
    """I'm on it from the claim's page; a second click records nothing; the queue's "mine" has it."""
    driver.get(base + "/c/" + claim_id)
    check("Nobody is on it yet." in driver.page_source, "the panel says nobody is on the claim")
    before = ledger_size(driver)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[name=assign]"))
    check("Recorded: who is on it." in driver.page_source and "You are on it" in driver.page_source,
          "I'm on it records the take and the panel says so")
    driver.back()
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[name=assign]"))
    check(ledger_size(driver) == before + 1, "a second click on a stale page records nothing more")
    driver.get(base + "/")
    Select(driver.find_element(By.NAME, "on")).select_by_value("mine")
    Select(driver.find_element(By.NAME, "status")).select_by_visible_text("all")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button"))
    rows = driver.find_elements(By.CSS_SELECTOR, "tbody tr td:first-child a")
    check(len(rows) == 1 and rows[0].get_attribute("href").endswith("/c/" + claim_id) and "on it: ann" in driver.page_source,
          "the queue filtered on mine shows the claim taken, and only it")
    driver.save_screenshot(os.path.join(shots_dir, "3c-mine.png"))


def report_and_csrf(driver, base, claim_id):
    cookie = "cl_session=" + driver.get_cookie("cl_session")["value"]
    status, body = request(base + "/report.json", cookie)
    check(status == 200 and "https://stats.example/customs-2023" in body, "the downloaded report carries the evidence")
    form = urllib.parse.urlencode({"status": "disputed", "evidence": "forged"}).encode()
    status, body = request(base + "/c/%s/decide" % claim_id, cookie, data=form)
    check(status == 403 and "CSRF" in body, "a form without the session's CSRF token is refused")
    driver.set_window_size(390, 844)
    driver.get(base + "/c/" + claim_id)
    driver.save_screenshot(os.path.join(shots_dir, "4-claim-phone.png"))
    wide = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(wide <= 0, "the claim page fits a phone's width (no sideways scrolling; %d px over)" % wide)
    small = driver.execute_script(
        "return [...document.querySelectorAll('main button, main select, main input[type=text], main .choice')]"
        ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)"
        ".map(e => e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 30) + ' ' + Math.round(e.getBoundingClientRect().height) + 'px')")
    check(not small, "every button, choice and field of the claim panel is at least 44 px tall at phone width%s" % (": %s" % small if small else ""))


def phone_panel_beside_its_paragraph(driver, base, source_link):
    """At 390 px the claim panel follows the selected claim's paragraph (it was 5,289 px below the
    claim, after the whole article): opened at the article's last claim, and after another mark is
    tapped (selected in place, the panel moved to that mark's paragraph)."""
    driver.set_window_size(390, 844)
    driver.get(base + source_link)
    driver.get(driver.find_elements(By.CSS_SELECTOR, ".text a.mark")[-1].get_attribute("href"))
    first = driver.find_element(By.CSS_SELECTOR, ".text a.mark")
    gap = "var m = document.querySelector('.text a.mark.selected'), p = document.getElementById('panel');" \
          "var para = m.closest('.para');" \
          "return [p.getBoundingClientRect().top - m.getBoundingClientRect().bottom," \
          " !!para && para.nextElementSibling === p];"
    below, follows = driver.execute_script(gap)
    driver.save_screenshot(os.path.join(shots_dir, "6-article-phone.png"))
    check(follows and 0 <= below < 844, "at phone width the panel follows the selected claim's paragraph (%d px below it)" % below)
    first_id = driver.execute_script("return document.querySelector('.text a.mark').id.slice(2)")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
    first.click()
    WebDriverWait(driver, 10).until(lambda d: first_id in panel_heading(d))
    below, follows = driver.execute_script(gap)
    check(follows and 0 <= below < 844, "a mark tapped on a phone moves the panel to its paragraph (%d px below it)" % below)
    wide = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(wide <= 0, "the article fits a phone's width (%d px over)" % wide)
    driver.set_window_size(1280, 1000)


def axe_source():
    """axe-core as the PyPI package axe-playwright-python ships it (installed with --no-deps by
    .ci/run: only its axe.min.js is used, injected into the selenium-driven Chromium)."""
    import importlib.util
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("axe-core is needed: python3 -m pip install --no-deps axe-playwright-python")
    with open(os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")) as f:
        return f.read()


def accessibility(driver, base, claim_id, source_link):
    """Every page at 1366 px and 390 px: no critical or serious axe-core violation (WCAG 2.x A/AA
    rules and axe's best practices)."""
    axe = axe_source()
    cookie = driver.get_cookie("cl_session")
    driver.get("data:text/html,<!doctype html><html lang=en><title>t</title><main><button></button></main></html>")
    check(any(v["id"] == "button-name" for v in serious_violations(driver, axe)),
          "axe-core runs and finds a violation where there is one (a button without a name)")
    pages = ["/", "/?status=all", source_link, "/c/" + claim_id, "/sources", "/reports", "/ingest"]
    for width, height in ((1366, 900), (390, 844)):
        driver.set_window_size(width, height)
        for page in pages + ["/login"]:
            if page == "/login":
                driver.delete_all_cookies()
            driver.get(base + page)
            bad = serious_violations(driver, axe)
            check(not bad, "axe-core: no critical or serious violation on %s at %d px%s" % (page, width, "" if not bad else ": %s" % bad))
            if width == 390 and page in ("/", "/?status=all", "/sources", "/reports"):
                wide = driver.execute_script("return document.documentElement.scrollWidth")
                check(wide <= 390, "%s fits a 390 px phone without scrolling sideways (%d px wide)" % (page, wide))
            if page in ("/", "/?status=all"):
                folded = driver.execute_script("return !document.querySelector('details.filter-box').open")
                expected = width == 390 and page == "/"
                check(folded == expected, "the queue's filters on %s at %d px are %s" % (
                    page, width, "folded under Filters (none in use)" if expected else "open"))
            if width == 390 and page == "/":
                driver.save_screenshot(os.path.join(shots_dir, "5-queue-phone.png"))
        driver.add_cookie({"name": cookie["name"], "value": cookie["value"], "path": "/"})


def serious_violations(driver, axe):
    """axe-core's critical and serious violations on the page loaded."""
    driver.execute_script(axe)
    violations = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.length, target: String(v.nodes[0].target)})))).catch(e => done([{id: 'axe failed: ' + e, impact: 'critical'}]));")
    return [v for v in violations if v["impact"] in ("critical", "serious")]


def main():
    global shots_dir
    p = argparse.ArgumentParser()
    p.add_argument("--claimledger", default=os.path.join(ROOT, ".build/debug/claimledger"))
    p.add_argument("--screenshots", default=os.path.join(tempfile.gettempdir(), "claimledger-screens"))
    a = p.parse_args()
    shots_dir = a.screenshots
    os.makedirs(shots_dir, exist_ok=True)
    # The ledger and server live in a folder removed at the end, whatever happens; screenshots stay.
    with tempfile.TemporaryDirectory(prefix="claimledger-browser-") as work:
        return desk_session(a, work)


def desk_session(a, work):
    db = os.path.join(work, "desk.sqlite")
    run(a.claimledger, "ingest", *sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))), "--db", db)
    token = run(a.claimledger, "reviewer", "add", "ann", "--token-only", "--db", db, "--reviewer", "desk").strip()
    server, base = start_server(a.claimledger, db)
    driver = browser()
    try:
        claim_id = session_flow(driver, base, token, shots_dir)
        take_and_find_in_mine(driver, base, claim_id)
        report_and_csrf(driver, base, claim_id)
        driver.get(base + "/c/" + claim_id)
        source_link = urllib.parse.urlparse(driver.find_element(By.CSS_SELECTOR, "a[href^='/s/']").get_attribute("href")).path
        phone_panel_beside_its_paragraph(driver, base, source_link)
        accessibility(driver, base, claim_id, source_link)
    except AssertionError as e:
        driver.save_screenshot(os.path.join(shots_dir, "failed.png"))
        print("FAILED:", e)
        return 1
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=30)
    shown = json.loads(run(a.claimledger, "show", claim_id, "--format", "json", "--db", db))
    check(shown["status"] == "verified" and shown["reviewer"] == "ann", "the ledger has the decision under the signed-in reviewer")
    check("audit passed" in run(a.claimledger, "audit", "--db", db), "the ledger audits clean after the web session")
    print("browser: all steps passed; screenshots in", shots_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
