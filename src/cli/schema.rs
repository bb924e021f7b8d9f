use super::Exit;
use crate::error::Result;
use crate::load::Case;

/// The JSON Schema (draft-07, which yaml-language-server reads) of case files.
pub fn json() -> String {
    let mut schema = crate::load::yaml::json_schema::<Case>();
    if let Some(map) = schema.as_object_mut() {
        map.insert("title".into(), "certdoc certification case".into());
    }
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

pub fn run() -> Result<Exit> {
    super::print(&format!("{}\n", json()))?;
    Ok(Exit::Clean)
}
