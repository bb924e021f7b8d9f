//! The Tera side: `templates/<form>.typ` are Tera templates whose output is Typst markup.
//! Escaping is on for every `.typ` template and turns a value into a Typst string literal
//! embedded in markup, so `{{ client.name }}` can never become Typst code, whatever the
//! template author remembers. Two filters cover the other places user text goes:
//! `lit` (a literal for code mode, e.g. `title: {{ x | lit }}`) and `markdown` (a Markdown
//! field through the whitelist converter).

use std::path::Path;

use tera::{Context, Kwargs, State, Tera, Value};

use super::{markdown, typst_text};
use crate::error::{Error, Result};
use crate::load::form::Form;

pub struct Templates {
    tera: Tera,
}

fn escape_typst(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(typst_text::markup(input).as_bytes())
}

impl Templates {
    /// The Tera templates directly under `dir`: one `<form>.typ` per form, and partials
    /// whose names start with `_` (`_record.typ`). Other `.typ` files (`layout.typ`) are
    /// plain Typst modules the compiler imports; Tera never reads them.
    pub fn load(dir: &Path) -> Result<Templates> {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape_typst);
        tera.autoescape_on([".typ"]);
        tera.register_filter("lit", |s: &str, _: Kwargs, _: &State| {
            Value::safe_string(&typst_text::literal(s))
        });
        tera.register_filter("markdown", |s: &str, _: Kwargs, _: &State| {
            Value::safe_string(&markdown::to_typst(s))
        });
        // Text kept on one line (a name, an id): a CJK name never breaks between its
        // characters, an id never at its hyphen.
        tera.register_filter("whole", |s: &str, _: Kwargs, _: &State| {
            Value::safe_string(&format!("#box({})", typst_text::literal(s)))
        });
        // A QR code of the text, as the Typst array of module rows `qr()` in layout.typ draws.
        tera.register_filter("qr", |s: &str, _: Kwargs, _: &State| {
            let rows: Vec<String> = crate::records::qr_rows(s)
                .iter()
                .map(|r| typst_text::literal(r))
                .collect();
            Value::safe_string(&if rows.is_empty() {
                "()".to_string()
            } else {
                format!("({},)", rows.join(", "))
            })
        });
        let paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "typ") && p.is_file())
            .filter(|p| {
                p.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| s.starts_with('_') || Form::from_key(s).is_some())
            })
            .collect();
        let mut files = Vec::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            files.push((path, text));
        }
        // Tera wants a parent before its children: partials that extend nothing, then
        // partials that extend one (`_notice.typ` extends `_record.typ`), then the forms.
        files.sort_by_key(|(path, text)| {
            let partial = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('_'));
            let extends = text.contains("{% extends");
            (!partial, extends, path.clone())
        });
        for (path, text) in files {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            tera.add_raw_template(name, &text)
                .map_err(|e| Error::Template {
                    path: path.clone(),
                    message: tera_message(&e),
                })?;
        }
        Ok(Templates { tera })
    }

    pub fn has(&self, form: Form) -> bool {
        self.tera.contains_template(&format!("{form}.typ"))
    }

    /// The Typst source of one record.
    pub fn render(&self, form: Form, context: &impl serde::Serialize) -> Result<String, String> {
        let ctx = Context::from_serialize(context).map_err(|e| tera_message(&e))?;
        self.tera
            .render(&format!("{form}.typ"), &ctx)
            .map_err(|e| tera_message(&e))
    }
}

/// Tera's error with its causes, on one line each.
fn tera_message(e: &tera::Error) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(&format!(": {s}"));
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates(text: &str) -> Result<Templates, Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("audit-plan.typ"), text)?;
        // Not a form and not a partial: Tera never parses it.
        std::fs::write(dir.path().join("layout.typ"), "{# not Tera #} #let x = 1")?;
        Ok(Templates::load(dir.path())?)
    }

    #[test]
    fn values_are_typst_literals_unless_a_template_asks_otherwise()
    -> Result<(), Box<dyn std::error::Error>> {
        let t = templates("[{{ v }}] {{ v | lit }}\n{{ m | markdown }}")?;
        let out = t.render(
            Form::AuditPlan,
            &serde_json::json!({ "v": "#set page(width: 1cm) \"x\"", "m": "*a* #b" }),
        )?;
        let (values, markdown) = out.split_once('\n').ok_or("two lines")?;
        assert_eq!(
            values,
            r##"[#"#set page(width: 1cm) \"x\"";] "#set page(width: 1cm) \"x\"""##
        );
        // Markdown: emphasis is Typst's, the text stays a literal.
        assert!(markdown.contains(r#"#"a";"#), "{markdown}");
        assert!(markdown.contains(r#"#b""#), "{markdown}");
        assert!(!markdown.contains("*a*"), "{markdown}");
        assert!(t.has(Form::AuditPlan) && !t.has(Form::Restoration));
        Ok(())
    }
}
