//! `newsbody.iter_warc(path)`: the HTML pages of a WARC file, cleaned one
//! by one as the iterator is advanced, the GIL released while reading and
//! cleaning.

use crate::result::PyResult_;
use crate::{PyCleaner, error};
use newsbody::warc::{Page, WarcReader};
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::fs::File;
use std::path::PathBuf;
use std::sync::Mutex;

/// One HTML page of a WARC file: `warc_record_id`, `url`
/// (WARC-Target-URI), `date` (WARC-Date) and `offset` (where the record,
/// or its gzip member, starts), then either `result` (the cleaned page)
/// or `error` (why the record could not be read or cleaned).
#[pyclass(frozen, name = "WarcRecord", module = "newsbody")]
pub struct PyWarcRecord {
    #[pyo3(get)]
    warc_record_id: Option<String>,
    #[pyo3(get)]
    url: Option<String>,
    #[pyo3(get)]
    date: Option<String>,
    #[pyo3(get)]
    offset: u64,
    #[pyo3(get)]
    result: Option<Py<PyResult_>>,
    #[pyo3(get)]
    error: Option<String>,
}

#[pymethods]
impl PyWarcRecord {
    fn __repr__(&self) -> String {
        let what = match &self.error {
            Some(e) => format!("error={e:?}"),
            None => "result=<Result>".to_string(),
        };
        format!("WarcRecord(url={:?}, {what})", self.url)
    }
}

/// The iterator `iter_warc` returns; `skipped` counts the records passed
/// over so far (not HTML, or not a response).
#[pyclass(frozen, name = "WarcIterator", module = "newsbody")]
pub struct PyWarcIter {
    reader: Mutex<WarcReader<File>>,
    cleaner: Py<PyCleaner>,
}

#[pymethods]
impl PyWarcIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyWarcRecord>> {
        let cleaner = &self.cleaner.get().inner;
        let next = py.detach(|| {
            let mut reader = self.reader.lock().unwrap_or_else(|e| e.into_inner());
            reader.next().map(|item| {
                item.map(|page| {
                    let cleaned = page.clean(cleaner);
                    (page, cleaned)
                })
            })
        });
        let Some(item) = next else {
            return Ok(None);
        };
        Ok(Some(match item {
            Ok((page, Ok(cleaned))) => record(
                &page,
                Some(Py::new(py, PyResult_::new(py, cleaned)?)?),
                None,
            ),
            Ok((page, Err(e))) => record(&page, None, Some(error(e).to_string())),
            Err(e) => PyWarcRecord {
                warc_record_id: e.record_id,
                url: e.url,
                date: None,
                offset: e.offset,
                result: None,
                error: Some(e.message),
            },
        }))
    }

    /// Records skipped so far: `{"other_type": N, "not_html": N}`.
    #[getter]
    fn skipped<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self
            .reader
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .skipped();
        let d = PyDict::new(py);
        d.set_item("other_type", s.other_type)?;
        d.set_item("not_html", s.not_html)?;
        Ok(d)
    }
}

fn record(page: &Page, result: Option<Py<PyResult_>>, error: Option<String>) -> PyWarcRecord {
    PyWarcRecord {
        warc_record_id: page.record_id.clone(),
        url: page.url.clone(),
        date: page.date.clone(),
        offset: page.offset,
        result,
        error: error.map(|e| e.trim_start_matches("NewsbodyError: ").to_string()),
    }
}

/// Iterates over the HTML pages of a `.warc` or `.warc.gz` file, cleaning
/// each, in file order, with constant memory. Yields `WarcRecord`s; a
/// record that cannot be read or cleaned has `error` set and the
/// iteration goes on. Pages are cleaned as HTML, as their Content-Type
/// says (`input="text"` reads them as text); `rules` as for `Cleaner`; or
/// pass a `cleaner`.
#[pyfunction]
#[pyo3(signature = (path, *, input = "html", rules = None, cleaner = None))]
pub fn iter_warc(
    py: Python<'_>,
    path: PathBuf,
    input: &str,
    rules: Option<&Bound<'_, PyAny>>,
    cleaner: Option<Py<PyCleaner>>,
) -> PyResult<PyWarcIter> {
    let cleaner = match cleaner {
        Some(c) => c,
        None => Py::new(py, PyCleaner::new(input, rules)?)?,
    };
    let limit = newsbody::Options::default().max_input_bytes;
    let reader = WarcReader::open(&path, limit)
        .map_err(|e| PyOSError::new_err(format!("{}: cannot read: {e}", path.display())))?;
    Ok(PyWarcIter {
        reader: Mutex::new(reader),
        cleaner,
    })
}
