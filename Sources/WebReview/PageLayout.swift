import Foundation
import LedgerStore
import Reports

/// What every page's footer says about the ledger: its size, head, last audit and checkpoint.
public struct LedgerState: Sendable, Equatable {
    public var entries: Int64
    public var headHash: String
    public var audit: String
    public var checkpoint: String
}

/// The frame of every page: header with navigation, the page, the ledger's state.
enum PageLayout {
    static func h(_ text: String) -> String { HTMLText.escape(text) }

    /// A URL query or path part, percent-encoded (then HTML-escaped where it is written).
    static func u(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~")))
            ?? ""
    }

    static func page(title: String, session: DeskSession?, state: LedgerState?, body: String) -> String {
        let nav =
            session.map { s in
                """
                <nav><a href="/">Queue</a> <a href="/sources">Sources</a> <a href="/ingest">Ingest</a> <a href="/reports">Reports</a>
                <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="\(h(s.csrf))">\
                <span class="who">\(h(s.reviewer))</span> <button>Sign out</button></form></nav>
                """
            } ?? ""
        let footer =
            state.map { st in
                """
                <footer><span>\(st.entries) entries</span> · <span>head <code>\(h(String(st.headHash.prefix(16))))</code></span> · \
                <span>audit: \(h(st.audit))</span> · <span>checkpoint: \(h(st.checkpoint))</span></footer>
                """
            } ?? ""
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(title)) · ClaimLedger</title><link rel="stylesheet" href="/desk.css"><script src="/desk.js" defer></script></head>
            <body><a class="skip" href="#main">Skip to the content</a><header><a class="brand" href="/">ClaimLedger</a>\(nav)</header>
            <main id="main">\(body)</main>\(footer)</body></html>
            """
    }

    /// A status in words and in colour (the word carries it without colour).
    static func badge(_ status: ClaimStatus) -> String {
        "<span class=\"badge \(status.rawValue)\">\(status.rawValue)</span>"
    }

    static func csrfField(_ session: DeskSession) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(h(session.csrf))\">"
    }

    static func message(_ text: String?, error: Bool = false) -> String {
        guard let text, !text.isEmpty else { return "" }
        return "<p class=\"\(error ? "error" : "notice")\" role=\"\(error ? "alert" : "status")\">\(h(text))</p>"
    }

    /// The desk's own script (every page works without it): at an article opened at a claim, its
    /// mark in view and the focus on a decision's confirmation; a mark clicked selects its claim in
    /// place (the panel fetched and swapped, and moved after the mark's paragraph, where a phone
    /// shows it; the reading place kept, the address updated); on a phone the queue's filters folded.
    static let script = """
        var wide = window.matchMedia("(min-width: 50rem)").matches;
        var shown = location.pathname + location.search;
        window.addEventListener("load", function () {
          var mark = document.querySelector(".text .mark.selected");
          if (wide && mark && location.hash === "#panel") { mark.scrollIntoView({block: "center"}); }
          var done = document.getElementById("done");
          if (done) { done.focus({preventScroll: wide && !!mark}); }
          var filters = document.querySelector("details.filter-box");
          if (filters && !wide && !filters.dataset.active) { filters.open = false; }
        });
        document.addEventListener("click", function (event) {
          var mark = event.target.closest ? event.target.closest(".text a.mark") : null;
          var panel = document.getElementById("panel");
          if (!mark || !panel || !window.fetch || event.button !== 0 || event.ctrlKey || event.metaKey
              || event.shiftKey || event.altKey) { return; }
          event.preventDefault();
          var href = mark.href;
          fetch(href, {credentials: "same-origin"}).then(function (response) {
            if (!response.ok || response.redirected) { throw new Error("not the page"); }
            return response.text();
          }).then(function (html) {
            var page = new DOMParser().parseFromString(html, "text/html");
            var fresh = page.getElementById("panel");
            if (!fresh) { throw new Error("no panel"); }
            panel.innerHTML = fresh.innerHTML;
            var toggle = document.querySelector(".marks-toggle"), freshToggle = page.querySelector(".marks-toggle");
            if (toggle && freshToggle) { toggle.innerHTML = freshToggle.innerHTML; }
            document.querySelectorAll(".text a.mark.selected").forEach(function (m) { m.classList.remove("selected"); });
            mark.classList.add("selected");
            history.pushState(null, "", href);
            shown = location.pathname + location.search;
            var heading = panel.querySelector("h2");
            if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({preventScroll: true}); }
            var paragraph = mark.closest(".para");
            if (paragraph && paragraph.nextElementSibling !== panel) { paragraph.after(panel); }
            if (!wide) { panel.scrollIntoView(); }
          }).catch(function () { location.href = href; });
        });
        window.addEventListener("popstate", function () {
          if (location.pathname + location.search !== shown) { location.reload(); }
        });
        """

    static let stylesheet = """
        body{font-family:system-ui,Helvetica,Arial,sans-serif;margin:0;color:#1a1a1a;line-height:1.45}
        header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.5rem 1rem;background:#20303f;color:#fff}
        header a{color:#fff}.brand{font-weight:bold;text-decoration:none}nav{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center}
        .inline{display:inline}.who{font-style:italic}main{max-width:72rem;margin:0 auto;padding:1rem}
        footer{font-size:.8rem;color:#444;border-top:1px solid #ccc;padding:.5rem 1rem}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #ddd;vertical-align:top}
        .badge{font-size:.75rem;font-weight:bold;padding:.05rem .35rem;border-radius:.2rem;color:#fff;white-space:nowrap}
        .badge.verified{background:#1b7f3b}.badge.disputed{background:#b3261e}.badge.unverified{background:#7a5d00}.badge.dismissed{background:#555}
        .decided{color:#4a4a4a;white-space:nowrap}
        .text .para{white-space:pre-wrap;font-family:Georgia,serif;font-size:1.05rem;margin:0 0 .9rem}
        .mark{text-decoration:none;color:inherit;border-bottom:3px solid;padding:0 .1rem;position:relative}
        .mark.unverified{background:#fff3c4;border-color:#b58900}.mark.verified{background:#f1faf3;border-color:#1b7f3b}
        .mark.disputed{background:#fdf1f0;border-color:#b3261e}.mark.dismissed{background:none;border-color:#999}
        .mark.quote{border-bottom-style:double}.mark.claim.unverified{background:#fff8dc}
        .mark:focus,.mark.selected{outline:3px solid #20303f}.label{font-size:.7rem;font-family:system-ui,sans-serif;vertical-align:super}
        .mark:focus .label::after,.mark:hover .label::after{content:attr(data-speaker);position:absolute;left:0;top:100%;
        z-index:2;background:#20303f;color:#fff;padding:.1rem .4rem;border-radius:.2rem;white-space:nowrap;font-size:.75rem}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
        .skip{position:absolute;left:-9999px}.skip:focus{position:static;display:inline-block;padding:.5rem}
        .dim .mark{background:none;border-bottom-width:1px}.dim .mark .label{display:none}
        .dim .mark.selected{background:#fff3c4}.marks-toggle{font-size:.85rem}
        .panel,.panel-body{border:1px solid #ccc;padding:.8rem;border-radius:.3rem}.article .panel{border:0;padding:0;margin:0 0 1rem}
        .panel form{margin:.6rem 0;padding:.5rem;background:#f6f6f6}label{display:block;font-size:.85rem;margin-top:.3rem}
        input[type=text],textarea,select{width:100%;box-sizing:border-box;font:inherit}
        .verdict{background:#f4f7fa;border-left:4px solid #20303f;padding:.3rem .6rem;margin:.5rem 0}
        fieldset{border:1px solid #ccc;margin:.3rem 0}.choice{display:block;font-size:.95rem;padding:.2rem 0}
        .error{background:#fbe0de;padding:.5rem}.notice{background:#dcf3e2;padding:.5rem}
        .counts span{margin-right:1rem}.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
        .filters label{margin:0}dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 .8rem}dt{color:#555}dd{margin:0;overflow-wrap:anywhere}
        @media (max-width:50rem){
        table.cards thead{display:none}table.cards tr{display:block;border:1px solid #ddd;border-radius:.3rem;margin:.5rem 0;padding:.4rem}
        table.cards td{display:block;border:0;padding:.1rem 0;overflow-wrap:anywhere}
        table.queue td:nth-child(6):not(:empty)::before{content:"score "}
        button,select,input[type=text],input[type=date],input[type=password]{min-height:44px}
        .choice{min-height:44px;display:flex;align-items:center;gap:.4rem}.paging a,nav a,summary{display:inline-block;padding:.6rem 0}}
        @media (min-width:50.01rem){.article .text{position:relative;padding-right:calc(40% + 1.5rem);min-height:calc(100vh - 1rem)}
        .article .panel{position:absolute;top:0;right:0;bottom:0;width:40%;margin:0}
        .article .panel-body{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow-y:auto;box-sizing:border-box}}
        @media print{header nav,.panel form,footer form{display:none}.article .text{padding-right:0;min-height:0}
        .article .panel,.article .panel-body{position:static;max-height:none;overflow:visible;width:auto}}
        """
}
