//! Stage 4: records to Typst markup and PDF. User text reaches Typst only as string
//! literals (`typst_text`) or through the Markdown whitelist (`markdown`).

pub mod markdown;
pub mod typst_text;
