//! Every output format, one file each, all reading the model
//! (`crate::model`): the text body, JSON (the stable schema-1 object),
//! JSON lines (records that carry the caller's fields), Markdown, and the
//! explain view. No stage imports from here.

pub mod explain;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod text;
