/// Text into HTML, the one escaping of every HTML this project writes (reports and web pages):
/// markup characters as entities, controls and bidi overrides shown as visible symbols, so an
/// article's `<script>` or `‮detupsid‬` is text on the page, never markup or a reversed word.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in VisibleText.visible(text, keepingLines: true).unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
