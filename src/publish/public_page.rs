//! `output/public/index.html`: the register as one static page anyone can search by client
//! name or certificate number. A certificate's QR code opens it with `?no=<number>`, which
//! shows that certificate alone.

use std::fmt::Write as _;

use super::html::{anchor, esc, foot, head, search_box};
use super::register::{Entry, Register};

pub fn page(register: &Register) -> String {
    let names: Vec<&str> = register.bodies.iter().map(|b| b.name.as_str()).collect();
    let title = format!("{} · 认证证书查询", names.join("、"));
    let mut out = head(&title);
    // A certificate's verification address names it in a query parameter (`?no={number}`)
    // or the fragment: the page picks out the entry the parameter names, so the address
    // printed on the certificate, with this page published there, opens its entry.
    let params: Vec<String> = register
        .bodies
        .iter()
        .filter_map(|b| b.verify_url.as_deref())
        .filter_map(number_param)
        .collect();
    out = out.replacen(
        "<body>",
        &format!("<body data-number-params=\"{}\">", esc(&params.join(" "))),
        1,
    );
    let _ = write!(
        out,
        "<header><h1>{}</h1><p class=\"muted\">认证证书查询 · Certificate register · 状态截至 {}</p></header>\n<main>\n",
        esc(&title),
        register.as_of
    );
    out.push_str(&search_box(
        "搜索",
        "组织名称或证书编号 · client or certificate number",
        register.certificates.len(),
    ));
    out.push_str("<div id=\"list\">\n");
    for e in &register.certificates {
        entry(&mut out, e);
    }
    out.push_str("</div>\n</main>\n<footer>");
    for b in &register.bodies {
        let _ = write!(out, "<p>{}", esc(&b.name));
        if let Some(w) = &b.website {
            let _ = write!(out, " · {}", esc(w));
        }
        out.push_str("</p>");
    }
    out.push_str(
        "<p>本页仅公开认证证书信息（组织名称、证书编号、认证标准、认证范围、覆盖场所、颁证日期、\
         有效期和证书状态）。This page publishes certificate data only.</p></footer>\n",
    );
    out.push_str(&foot());
    out
}

fn entry(out: &mut String, e: &Entry) {
    let search = format!(
        "{} {} {} {}",
        e.client,
        e.client_en.as_deref().unwrap_or(""),
        e.number,
        e.scope
    )
    .to_lowercase()
    .split_whitespace()
    .collect::<String>();
    let _ = write!(
        out,
        "<article class=\"card\" id=\"{}\" data-number=\"{}\" data-search=\"{}\">\n<h2>{}</h2>\n<dl>\n",
        anchor(&e.number),
        esc(&e.number),
        esc(&search),
        esc(&e.client)
    );
    let mut row = |k: &str, v: String| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{v}</dd>", esc(k));
    };
    if let Some(en) = &e.client_en {
        row("Client", esc(en));
    }
    row("证书编号", esc(&e.number));
    row(
        "证书状态",
        format!(
            "<span class=\"badge {}\">{}</span>",
            e.standing.key(),
            esc(&e.status_text)
        ),
    );
    row("认证项目", esc(&e.certification));
    row("认证依据", esc(&e.standard));
    row("认证范围", esc(&e.scope));
    if let Some(en) = &e.scope_en {
        row("Scope", esc(en));
    }
    if e.first_issued != e.issued {
        row("初次颁证日期", e.first_issued.to_string());
    }
    row("颁证日期", e.issued.to_string());
    row("有效期至", e.expires.to_string());
    let mut sites = String::from("<ul class=\"plain\">");
    for s in &e.sites {
        let _ = write!(sites, "<li>{}：{}", esc(&s.name), esc(&s.address));
        if let Some(scope) = &s.scope {
            let _ = write!(sites, "（{}）", esc(scope));
        }
        sites.push_str("</li>");
    }
    sites.push_str("</ul>");
    row("覆盖场所", sites);
    out.push_str("</dl>\n</article>\n");
}

/// The query parameter that carries the number in a verification address
/// (`https://example.cn/query?no={number}` → `no`).
fn number_param(url: &str) -> Option<String> {
    let before = url.split("{number}").next()?;
    let key = before.strip_suffix('=')?.rsplit(['?', '&']).next()?;
    (!key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    .then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::number_param;

    #[test]
    fn the_number_parameter_is_read_off_the_verification_address() {
        assert_eq!(
            number_param("https://a.cn/q?no={number}").as_deref(),
            Some("no")
        );
        assert_eq!(
            number_param("https://a.cn/q?x=1&zsbh={number}").as_deref(),
            Some("zsbh")
        );
        assert_eq!(number_param("https://a.cn/q/{number}"), None);
    }
}
