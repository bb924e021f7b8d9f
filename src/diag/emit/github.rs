//! `--format github`: GitHub Actions workflow commands, shown as annotations on the diff.

use crate::diag::{Report, Severity, ToolError};

/// Workflow-command data: `%`, CR and LF are escaped.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow-command properties also escape `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        if !d.citations.is_empty() {
            message.push_str("\n= note: ");
            message.push_str(&d.citations.join("; "));
        }
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            property(&d.file),
            d.pos.line,
            d.pos.col,
            property(d.rule),
            data(&message)
        ));
    }
    out
}

/// One `::error` line for a run that failed, on the file (and line) at fault when known.
pub fn tool_error(e: &ToolError) -> String {
    let mut props = Vec::new();
    if let Some(file) = &e.file {
        props.push(format!("file={}", property(file)));
        if let Some(pos) = e.pos {
            props.push(format!("line={},col={}", pos.line, pos.col));
        }
    }
    props.push("title=certdoc".to_string());
    format!("::error {}::{}\n", props.join(","), data(&e.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_github_requires() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn tool_errors_point_at_the_file_when_known() {
        let e = ToolError {
            message: "bad: value".into(),
            file: Some("rules/schemes/x.yaml".into()),
            pos: Some(crate::source::Pos::new(3, 5)),
        };
        assert_eq!(
            tool_error(&e),
            "::error file=rules/schemes/x.yaml,line=3,col=5,title=certdoc::bad: value\n"
        );
        assert_eq!(
            tool_error(&ToolError {
                message: "no root".into(),
                ..ToolError::default()
            }),
            "::error title=certdoc::no root\n"
        );
    }
}
