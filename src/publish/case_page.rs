//! `output/cases/<case>.html`: one case for the body's staff: where it stands, its history
//! on a timeline, what is due, every record with its revisions (linked to the PDFs), and
//! what `check` found in it.

use std::fmt::Write as _;

use super::html::{esc, foot, head};
use super::summary::Summary;
use super::timeline;
use crate::check::Ctx;
use crate::check::schedule::Due;
use crate::check::standing;
use crate::diag::{Diagnostic, Severity};
use crate::output::{Entry, Status};

pub fn page(
    ctx: &Ctx,
    summary: &Summary,
    due: &[Due],
    records: &[&Entry],
    findings: &[&Diagnostic],
) -> String {
    let case = ctx.case;
    let mut out = head(&format!("{} · {}", case.case.value, case.client.name.value));
    let _ = write!(
        out,
        "<header><p><a href=\"../index.html\">← 全部案卷 All cases</a></p>\
         <h1>{} <span class=\"badge {}\">{}</span></h1>\
         <p class=\"muted\">{} · {} · {} · 截至 {}</p></header>\n<main>\n",
        esc(&case.client.name),
        summary.class,
        esc(&summary.status),
        esc(&case.case),
        esc(&case.scheme),
        esc(ctx.file),
        ctx.as_of
    );
    out.push_str("<h2>时间线 Timeline</h2>\n<div class=\"scroll\">");
    out.push_str(&timeline::svg(case, due, ctx.as_of));
    out.push_str("</div>\n");
    certificates(&mut out, ctx);
    deadlines(&mut out, due, ctx);
    audits(&mut out, ctx);
    decisions(&mut out, ctx);
    record_list(&mut out, records);
    finding_list(&mut out, findings);
    out.push_str("</main>\n");
    out.push_str(&foot());
    out
}

fn table(out: &mut String, heads: &[&str]) {
    out.push_str("<div class=\"scroll\"><table><thead><tr>");
    for h in heads {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>\n");
}

fn row(out: &mut String, cells: &[String]) {
    out.push_str("<tr>");
    for c in cells {
        let _ = write!(out, "<td>{c}</td>");
    }
    out.push_str("</tr>\n");
}

const END: &str = "</tbody></table></div>\n";

fn certificates(out: &mut String, ctx: &Ctx) {
    let numbers = standing::numbers(ctx.case);
    if numbers.is_empty() {
        return;
    }
    out.push_str("<h2>证书 Certificates</h2>\n");
    table(out, &["证书编号", "颁证", "有效期至", "状态"]);
    for number in numbers {
        let issues = standing::issues(ctx.case, number);
        let (Some(first), Some(last)) = (issues.first(), issues.last()) else {
            continue;
        };
        let status = standing::on(ctx.case, number, ctx.as_of).map_or_else(
            || "未生效".to_string(),
            |s| {
                format!(
                    "<span class=\"badge {}\">{}</span>",
                    s.key(),
                    esc(&s.words())
                )
            },
        );
        row(
            out,
            &[
                esc(number),
                first.issued.value.to_string(),
                last.expires.value.to_string(),
                status,
            ],
        );
    }
    out.push_str(END);
}

fn deadlines(out: &mut String, due: &[Due], ctx: &Ctx) {
    out.push_str("<h2>待办期限 Due</h2>\n");
    if due.is_empty() {
        out.push_str("<p class=\"muted\">无 — nothing due.</p>\n");
        return;
    }
    table(out, &["期限", "事项", "内容", "规则"]);
    for d in due {
        let when = if d.due < ctx.as_of {
            format!("<span class=\"overdue\">{}（逾期）</span>", d.due)
        } else {
            d.due.to_string()
        };
        row(
            out,
            &[
                when,
                esc(d.kind),
                esc(&d.what),
                format!("<code>{}</code>", esc(d.rule)),
            ],
        );
    }
    out.push_str(END);
}

fn audits(out: &mut String, ctx: &Ctx) {
    if ctx.case.audits.is_empty() {
        return;
    }
    out.push_str("<h2>审核 Audits</h2>\n");
    table(out, &["编号", "类型", "日期", "现场", "不符合项"]);
    for a in &ctx.case.audits {
        row(
            out,
            &[
                esc(&a.id),
                esc(a.kind.value.name()),
                format!("{} – {}", a.start.value, a.end.value),
                if a.onsite.value {
                    "现场"
                } else {
                    "非现场"
                }
                .to_string(),
                a.nonconformities.len().to_string(),
            ],
        );
    }
    out.push_str(END);
}

fn decisions(out: &mut String, ctx: &Ctx) {
    if ctx.case.decisions.is_empty() {
        return;
    }
    out.push_str("<h2>认证决定 Decisions</h2>\n");
    table(out, &["编号", "日期", "结论"]);
    for d in &ctx.case.decisions {
        row(
            out,
            &[
                esc(&d.id),
                d.date.value.to_string(),
                esc(d.outcome.value.name()),
            ],
        );
    }
    out.push_str(END);
}

fn record_list(out: &mut String, records: &[&Entry]) {
    out.push_str("<h2>受控记录 Records</h2>\n");
    if records.is_empty() {
        out.push_str("<p class=\"muted\">尚未生成 — not built yet.</p>\n");
        return;
    }
    table(
        out,
        &["表单", "文件编号", "版次", "状态", "页数", "SHA-256"],
    );
    for e in records {
        let status = match e.status {
            Status::Current => "<span class=\"current\">现行</span>",
            Status::Superseded => "<span class=\"superseded\">已被替代</span>",
        };
        row(
            out,
            &[
                esc(&e.form),
                format!("<a href=\"../{}\">{}</a>", esc(&e.file), esc(&e.number)),
                esc(&e.revision),
                status.to_string(),
                e.pages.to_string(),
                format!(
                    "<code title=\"{}\">{}…</code>",
                    esc(&e.sha256),
                    esc(e.sha256.get(..12).unwrap_or(""))
                ),
            ],
        );
    }
    out.push_str(END);
}

fn finding_list(out: &mut String, findings: &[&Diagnostic]) {
    out.push_str("<h2>检查结果 Findings</h2>\n");
    if findings.is_empty() {
        out.push_str("<p class=\"valid\">无错误、无警告 — clean.</p>\n");
        return;
    }
    table(out, &["级别", "规则", "位置", "说明"]);
    for d in findings {
        let (class, word) = match d.severity {
            Severity::Error => ("error", "错误"),
            _ => ("warning", "警告"),
        };
        row(
            out,
            &[
                format!("<span class=\"{class}\">{word}</span>"),
                format!("<code>{}</code>", esc(d.rule)),
                format!("{}:{}:{}", esc(&d.file), d.pos.line, d.pos.col),
                esc(&d.message),
            ],
        );
    }
    out.push_str(END);
}
