//! The rule files compiled into the library: every `rules/<lang>/*.rules`,
//! listed by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
