//! What every page shares: escaping, the head with its inline style, the search script.
//! Pages are static and self-contained (no server, no external file, no network), so they
//! work from a `file://` address and on a phone.

use std::fmt::Write as _;

/// `s` as HTML text or attribute value: every character that could start markup is an
/// entity, so no value from a case ever becomes markup.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A fragment identifier made of `s`: letters, digits and `-` only.
pub fn anchor(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// The document up to `<body>`; `base` is the way back to the output folder's root.
pub fn head(title: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"certdoc\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n",
        esc(title)
    );
    out
}

/// The end of the document, with the search script.
pub fn foot() -> String {
    format!("<script>{SEARCH}</script>\n</body>\n</html>\n")
}

/// A search box filtering the elements with `data-search` inside `#list`.
pub fn search_box(label: &str, placeholder: &str, total: usize) -> String {
    format!(
        "<div class=\"search\"><label for=\"q\">{}</label>\
         <input id=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"{}\">\
         <p id=\"count\" aria-live=\"polite\" data-total=\"{total}\">{total}</p></div>\n",
        esc(label),
        esc(placeholder)
    )
}

const STYLE: &str = r#"
:root{--fg:#1d2330;--muted:#5b6474;--line:#d9dee7;--bg:#f6f7f9;--ok:#1f7a3f;--warn:#9a6700;--bad:#b42318;--accent:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 "Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:1100px;margin:0 auto;padding:12px 16px}
header{border-bottom:1px solid var(--line);background:#fff;max-width:none}
header>*{max-width:1068px;margin-left:auto;margin-right:auto}
h1{font-size:1.35rem;margin:.3em auto}
h2{font-size:1.1rem;margin:1.2em 0 .4em}
a{color:var(--accent)}
.muted,footer{color:var(--muted);font-size:.9em}
.search{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:12px 0}
.search label{font-weight:600}
.search input{flex:1 1 260px;font:inherit;padding:8px 10px;border:1px solid var(--line);border-radius:6px}
.search p{margin:0;color:var(--muted)}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.85em;white-space:nowrap;border:1px solid currentColor}
.valid,.scope-reduced,.current{color:var(--ok)}
.suspended,.warning,.superseded{color:var(--warn)}
.withdrawn,.cancelled,.expired,.error,.overdue{color:var(--bad)}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:10px 0}
.card h2{margin:.2em 0 .5em}
.picked{border-color:var(--accent);box-shadow:0 0 0 2px #bfd3fb}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0}
dt{color:var(--muted)}
dd{margin:0}
ul.plain{margin:0;padding-left:1.1em}
.timeline{width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:8px}
.scroll{overflow-x:auto}
[hidden]{display:none!important}
@media (max-width:640px){body{font-size:14px}dl{grid-template-columns:1fr}dt{margin-top:6px}th,td{padding:4px 5px}.wide{display:none}}
"#;

/// Filter by the search box; `?q=` fills it, `?no=` (a certificate's verification
/// address) and `#…` pick one entry, so a QR code or a link can open a single entry.
const SEARCH: &str = r#"
(function(){
var q=document.getElementById('q'),count=document.getElementById('count');
if(!q)return;
var items=Array.prototype.slice.call(document.querySelectorAll('[data-search]'));
function norm(s){return (s||'').toLowerCase().replace(/\s+/g,'');}
function apply(){
var v=norm(q.value),shown=0;
items.forEach(function(el){var hit=!v||el.getAttribute('data-search').indexOf(v)>=0;el.hidden=!hit;if(hit)shown++;});
count.textContent=shown+' / '+items.length;
}
q.addEventListener('input',apply);
var p=new URLSearchParams(location.search),term=p.get('q'),no=null;
(document.body.getAttribute('data-number-params')||'no').split(' ').concat(['no']).forEach(function(k){if(!no&&k&&p.get(k))no=p.get(k);});
if(!no&&location.hash.length>1){var h=document.getElementById(decodeURIComponent(location.hash.slice(1)));if(h&&h.hasAttribute('data-number'))no=h.getAttribute('data-number');}
if(term){q.value=term;}
apply();
if(no){var shown=0;items.forEach(function(el){var hit=el.getAttribute('data-number')===no;el.hidden=!hit;if(hit){shown++;el.classList.add('picked');}});
count.textContent=shown+' / '+items.length;}
})();
"#;

#[cfg(test)]
mod tests {
    use super::{anchor, esc};

    #[test]
    fn markup_in_values_stays_text() {
        assert_eq!(
            esc("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
        assert_eq!(anchor("TB-CMS/2023 0011\"x"), "TB-CMS-2023-0011-x");
    }
}
