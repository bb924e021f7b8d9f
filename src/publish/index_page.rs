//! `output/index.html`: every case on one page, searchable, with where it stands, what is
//! due next, its records and what `check` found.

use std::fmt::Write as _;

use super::html::{esc, foot, head, search_box};

/// One line of the index.
pub struct Line {
    pub case: String,
    /// The case page, relative to the output folder.
    pub page: String,
    pub client: String,
    pub scheme: String,
    pub status: String,
    pub class: &'static str,
    /// The soonest item due: date and what.
    pub next: Option<(String, String, bool)>,
    pub records: usize,
    pub errors: usize,
    pub warnings: usize,
    /// The certificate numbers, for the search box.
    pub numbers: Vec<String>,
}

pub fn page(lines: &[Line], as_of: &str) -> String {
    let mut out = head("certdoc · 案卷索引");
    let _ = write!(
        out,
        "<header><h1>案卷索引 Cases</h1><p class=\"muted\">{} 个案卷 · 截至 {} · \
         <a href=\"public/index.html\">公开证书查询页 Public register</a></p></header>\n<main>\n",
        lines.len(),
        esc(as_of)
    );
    out.push_str(&search_box(
        "搜索",
        "案卷号、组织名称或证书编号 · case, client or certificate",
        lines.len(),
    ));
    out.push_str(
        "<div class=\"scroll\"><table id=\"list\"><thead><tr><th>案卷</th><th>组织</th>\
         <th class=\"wide\">认证项目</th><th>状态</th><th>下一期限</th><th class=\"wide\">记录</th>\
         <th>检查</th></tr></thead><tbody>\n",
    );
    for l in lines {
        let search: String = format!("{} {} {}", l.case, l.client, l.numbers.join(" "))
            .to_lowercase()
            .split_whitespace()
            .collect();
        let next = match &l.next {
            Some((due, what, overdue)) => format!(
                "<span class=\"{}\">{}</span> {}",
                if *overdue { "overdue" } else { "" },
                esc(due),
                esc(what)
            ),
            None => "—".into(),
        };
        let check = match (l.errors, l.warnings) {
            (0, 0) => "<span class=\"valid\">✓</span>".to_string(),
            (e, w) => format!(
                "<span class=\"{}\">{e} 错误 · {w} 警告</span>",
                if e > 0 { "error" } else { "warning" }
            ),
        };
        let _ = writeln!(
            out,
            "<tr data-search=\"{}\"><td><a href=\"{}\">{}</a></td><td>{}</td><td class=\"wide\">{}</td>\
             <td><span class=\"badge {}\">{}</span></td><td>{next}</td><td class=\"wide\">{}</td><td>{check}</td></tr>",
            esc(&search),
            esc(&l.page),
            esc(&l.case),
            esc(&l.client),
            esc(&l.scheme),
            l.class,
            esc(&l.status),
            l.records
        );
    }
    out.push_str("</tbody></table></div>\n</main>\n<footer>certdoc</footer>\n");
    out.push_str(&foot());
    out
}
