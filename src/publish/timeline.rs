//! A case's history on one inline SVG: certificates' validity with their suspensions, the
//! audits, the decisions, the deadlines still to come, and the day the page is as of.
//! Every audit is one `<g class="audit">`, every decision one `<g class="decision">`.

use std::fmt::Write as _;

use super::html::esc;
use crate::check::schedule::Due;
use crate::check::standing::{self, Standing};
use crate::dates::{add_days, days_between};
use crate::load::case::AuditKind;
use crate::load::{Case, Date};

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;

/// Map days onto the drawing's x axis.
struct Scale {
    start: Date,
    days: f64,
}

impl Scale {
    fn x(&self, d: Date) -> f64 {
        let t = days_between(self.start, d) as f64 / self.days;
        LEFT + t.clamp(0.0, 1.0) * (WIDTH - LEFT - RIGHT)
    }
}

pub fn svg(case: &Case, due: &[Due], as_of: Date) -> String {
    let mut dates: Vec<Date> = vec![case.application.received.value, as_of];
    dates.extend(
        case.audits
            .iter()
            .flat_map(|a| [a.start.value, a.end.value]),
    );
    dates.extend(case.decisions.iter().map(|d| d.date.value));
    dates.extend(case.certificates.iter().map(|c| c.expires.value));
    dates.extend(due.iter().map(|d| d.due));
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return String::new();
    };
    let start = add_days(*first, -30);
    let end = add_days(*last, 30);
    let scale = Scale {
        start,
        days: days_between(start, end).max(1) as f64,
    };
    let mut out = format!(
        "<svg class=\"timeline\" viewBox=\"0 0 {WIDTH} 210\" role=\"img\" \
         aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">\n",
        esc(&format!("{} 时间线", case.case.value))
    );
    years(&mut out, &scale, start, end);
    lane_labels(&mut out);
    certificates(&mut out, &scale, case, as_of);
    audits(&mut out, &scale, case);
    decisions(&mut out, &scale, case);
    deadlines(&mut out, &scale, due, as_of);
    let x = scale.x(as_of);
    let _ = writeln!(
        out,
        "<g class=\"today\"><line x1=\"{x:.1}\" y1=\"14\" x2=\"{x:.1}\" y2=\"190\" stroke=\"#b42318\" \
         stroke-dasharray=\"4 3\"/><text x=\"{x:.1}\" y=\"10\" text-anchor=\"middle\" fill=\"#b42318\">{as_of}</text></g>"
    );
    out.push_str("</svg>");
    out
}

fn years(out: &mut String, scale: &Scale, start: Date, end: Date) {
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" y1=\"190\" x2=\"{}\" y2=\"190\" stroke=\"#98a2b3\"/>",
        WIDTH - RIGHT
    );
    for year in chrono::Datelike::year(&start.0) + 1..=chrono::Datelike::year(&end.0) {
        let Some(day) = chrono::NaiveDate::from_ymd_opt(year, 1, 1) else {
            continue;
        };
        let x = scale.x(Date(day));
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"20\" x2=\"{x:.1}\" y2=\"194\" stroke=\"#e4e7ec\"/>\
             <text x=\"{x:.1}\" y=\"205\" text-anchor=\"middle\" fill=\"#5b6474\">{year}</text>"
        );
    }
}

fn lane_labels(out: &mut String) {
    for (y, label) in [(44, "证书"), (94, "审核"), (144, "决定/期限")] {
        let _ = writeln!(
            out,
            "<text x=\"4\" y=\"{y}\" fill=\"#5b6474\">{label}</text>"
        );
    }
}

/// Each certificate from first issue to expiry (or withdrawal), its suspensions on top.
fn certificates(out: &mut String, scale: &Scale, case: &Case, as_of: Date) {
    for (row, number) in standing::numbers(case).into_iter().enumerate() {
        let history = standing::history(case, number);
        let Some(expires) = standing::cycle_expiry(case, number, Date(chrono::NaiveDate::MAX))
        else {
            continue;
        };
        let y = 30.0 + (row % 2) as f64 * 14.0;
        let mut stops: Vec<(Date, Standing)> =
            history.iter().map(|c| (c.from, c.standing)).collect();
        stops.push((add_days(expires, 1), Standing::Expired { on: expires }));
        let now = standing::on(case, number, as_of).map_or("", |s| s.key());
        let _ = writeln!(
            out,
            "<g class=\"certificate\" data-number=\"{}\"><title>{} ({now})</title>",
            esc(number),
            esc(number)
        );
        for pair in stops.windows(2) {
            let [(from, s), (to, _)] = pair else { continue };
            let colour = match s {
                Standing::Valid | Standing::ScopeReduced { .. } => "#1f7a3f",
                Standing::Suspended { .. } => "#d97706",
                _ => continue,
            };
            let (x0, x1) = (scale.x(*from), scale.x(*to));
            let _ = writeln!(
                out,
                "<rect class=\"{}\" x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"10\" rx=\"2\" fill=\"{colour}\"/>",
                s.key(),
                (x1 - x0).max(1.0)
            );
        }
        if let Some((on, s)) = stops.iter().rev().nth(1).filter(|(_, s)| s.is_final()) {
            let x = scale.x(*on);
            let _ = writeln!(
                out,
                "<text x=\"{x:.1}\" y=\"{:.1}\" fill=\"#b42318\">✕ {}</text>",
                y + 9.0,
                s.key()
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#fff\" font-size=\"9\">{}</text></g>",
            scale.x(history.first().map_or(expires, |c| c.from)) + 3.0,
            y + 8.0,
            esc(number)
        );
    }
}

fn audits(out: &mut String, scale: &Scale, case: &Case) {
    for (i, a) in case.audits.iter().enumerate() {
        let (x0, x1) = (scale.x(a.start.value), scale.x(a.end.value));
        let colour = match a.kind.value {
            AuditKind::Stage1 => "#7c3aed",
            AuditKind::Stage2 => "#1d4ed8",
            AuditKind::Surveillance => "#0e7490",
            AuditKind::Recertification => "#15803d",
            AuditKind::Special => "#c2410c",
        };
        let y = 82.0 + (i % 2) as f64 * 18.0;
        let _ = writeln!(
            out,
            "<g class=\"audit\" data-id=\"{}\"><title>{} {} {}–{}</title>\
             <rect x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"12\" rx=\"2\" fill=\"{colour}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"{colour}\">{}</text></g>",
            esc(&a.id),
            esc(&a.id),
            a.kind.value.name(),
            a.start.value,
            a.end.value,
            (x1 - x0).max(4.0),
            x0.max(LEFT) + (x1 - x0).max(4.0) + 2.0,
            y + 10.0,
            esc(&a.id)
        );
    }
}

fn decisions(out: &mut String, scale: &Scale, case: &Case) {
    for d in &case.decisions {
        let x = scale.x(d.date.value);
        let _ = writeln!(
            out,
            "<g class=\"decision\" data-id=\"{}\"><title>{} {} {}</title>\
             <path d=\"M{x:.1} 132 l6 6 l-6 6 l-6 -6z\" fill=\"#344054\"/>\
             <text x=\"{:.1}\" y=\"{}\" fill=\"#344054\">{}</text></g>",
            esc(&d.id),
            esc(&d.id),
            d.outcome.value.name(),
            d.date.value,
            x + 7.0,
            131,
            esc(&d.id)
        );
    }
}

fn deadlines(out: &mut String, scale: &Scale, due: &[Due], as_of: Date) {
    for d in due {
        let x = scale.x(d.due);
        let colour = if d.due < as_of { "#b42318" } else { "#9a6700" };
        let _ = writeln!(
            out,
            "<g class=\"deadline\"><title>{} {}: {}</title>\
             <path d=\"M{x:.1} 156 l6 12 l-12 0z\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"/></g>",
            d.due,
            esc(d.kind),
            esc(&d.what)
        );
    }
}
