//! The `newsbody` Python module (`newsbody._newsbody`, re-exported by
//! `python/newsbody/__init__.py`): a thin layer over the Rust library.
//!
//! Every call that cleans releases the GIL, so threads clean in parallel;
//! [`PyCleaner`] is immutable and shared freely between threads. Errors
//! become `newsbody.NewsbodyError` (a `ValueError`) carrying the library's
//! message unchanged; unreadable rule or WARC files become `OSError`.

mod result;
mod warc;

use newsbody::{Cleaner, InputKind, Options};
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};
use result::{PyMetadata, PyRemoval, PyResult_};
use std::path::PathBuf;

pyo3::create_exception!(
    newsbody,
    NewsbodyError,
    PyValueError,
    "Cleaning failed or the rules are malformed; the message says why."
);

/// Turns a library error into `NewsbodyError` with the same message.
fn error(e: newsbody::Error) -> PyErr {
    NewsbodyError::new_err(e.to_string())
}

/// A cleaner with its rules compiled: build it once, call `clean` many
/// times, from any number of threads (the GIL is released while cleaning).
///
/// `input` is "auto" (sniff HTML or text), "html" or "text". `rules` adds
/// rule files to the built-in rules: a path, or a list of paths and
/// `(name, text)` pairs, in the format of the repository's `rules/`.
#[pyclass(frozen, name = "Cleaner", module = "newsbody")]
pub struct PyCleaner {
    inner: Cleaner,
    input: &'static str,
}

#[pymethods]
impl PyCleaner {
    #[new]
    #[pyo3(signature = (*, input = "auto", rules = None))]
    fn new(input: &str, rules: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let (kind, input) = input_kind(input)?;
        let options = Options {
            input: kind,
            extra_rules: rule_files(rules)?,
            ..Options::default()
        };
        Ok(PyCleaner {
            inner: Cleaner::new(options).map_err(error)?,
            input,
        })
    }

    /// Cleans one document, given as `bytes` (decoded: byte-order mark,
    /// UTF-8, `<meta charset>`, else a guess) or `str`, and returns a
    /// `Result`. Raises `NewsbodyError` for an input over 256 MiB.
    fn clean(&self, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyResult_> {
        clean_any(py, &self.inner, data)
    }

    fn __repr__(&self) -> String {
        format!("Cleaner(input={:?})", self.input)
    }
}

/// Cleans `data` (bytes or str) with the GIL released.
fn clean_any(py: Python<'_>, cleaner: &Cleaner, data: &Bound<'_, PyAny>) -> PyResult<PyResult_> {
    let cleaned = if let Ok(b) = data.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        py.detach(|| cleaner.clean(bytes))
    } else if let Ok(s) = data.cast::<PyString>() {
        let text = s.to_str()?;
        py.detach(|| cleaner.clean(text.as_bytes()))
    } else {
        return Err(PyTypeError::new_err(format!(
            "data must be bytes or str, not {}",
            data.get_type().name()?
        )));
    };
    PyResult_::new(py, cleaned.map_err(error)?)
}

/// `"auto"`, `"html"` or `"text"` as the library's kind.
fn input_kind(input: &str) -> PyResult<(InputKind, &'static str)> {
    match input {
        "auto" => Ok((InputKind::Auto, "auto")),
        "html" => Ok((InputKind::Html, "html")),
        "text" => Ok((InputKind::Text, "text")),
        other => Err(PyValueError::new_err(format!(
            "input must be \"auto\", \"html\" or \"text\", not {other:?}"
        ))),
    }
}

/// The `rules` argument as `(name, text)` pairs: a path, a `(name, text)`
/// pair, or a list of either.
fn rule_files(rules: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<(String, String)>> {
    let Some(rules) = rules else {
        return Ok(Vec::new());
    };
    if rules.is_none() {
        return Ok(Vec::new());
    }
    if let Some(one) = rule_file(rules)? {
        return Ok(vec![one]);
    }
    let mut out = Vec::new();
    for item in rules.try_iter()? {
        let item = item?;
        match rule_file(&item)? {
            Some(one) => out.push(one),
            None => {
                return Err(PyTypeError::new_err(
                    "rules must be a path, a (name, text) pair, or a list of them",
                ));
            }
        }
    }
    Ok(out)
}

/// One rule file from a path or a `(name, text)` pair; `None` for
/// anything else.
fn rule_file(item: &Bound<'_, PyAny>) -> PyResult<Option<(String, String)>> {
    if let Ok(t) = item.cast::<PyTuple>() {
        return Ok(Some(t.extract::<(String, String)>()?));
    }
    let Ok(path) = item.extract::<PathBuf>() else {
        return Ok(None);
    };
    let name = path.display().to_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some((name, text))),
        Err(e) => Err(PyOSError::new_err(format!(
            "{name}: cannot read rules: {e}"
        ))),
    }
}

/// Cleans one document with a one-off cleaner (for many documents, build
/// a `Cleaner` once). `data` is `bytes` or `str`; `input` is "auto",
/// "html" or "text"; `rules` as for `Cleaner`.
#[pyfunction]
#[pyo3(signature = (data, *, input = "auto", rules = None))]
fn clean(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    input: &str,
    rules: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyResult_> {
    let cleaner = PyCleaner::new(input, rules)?;
    clean_any(py, &cleaner.inner, data)
}

#[pymodule]
fn _newsbody(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("NewsbodyError", m.py().get_type::<NewsbodyError>())?;
    m.add_class::<PyCleaner>()?;
    m.add_class::<PyResult_>()?;
    m.add_class::<PyRemoval>()?;
    m.add_class::<PyMetadata>()?;
    m.add_class::<warc::PyWarcRecord>()?;
    m.add_class::<warc::PyWarcIter>()?;
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(warc::iter_warc, m)?)?;
    Ok(())
}
