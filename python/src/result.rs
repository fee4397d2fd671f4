//! What `clean` returns to Python: `Result` (body, title, metadata,
//! removed, warnings), `Removal` and `Metadata`, immutable and built from
//! the library's `Cleaned` once, field by field.

use newsbody::Cleaned;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A cleaned document.
///
/// `body` is the clean text; `title` the page's title (None for text);
/// `metadata` what the page says about itself; `removed` every removed
/// block with the reason; `warnings` problems that did not stop cleaning
/// (malformed bytes, a guessed charset).
#[pyclass(frozen, name = "Result", module = "newsbody")]
pub struct PyResult_ {
    #[pyo3(get)]
    body: String,
    #[pyo3(get)]
    title: Option<String>,
    #[pyo3(get)]
    metadata: Py<PyMetadata>,
    #[pyo3(get)]
    removed: Vec<Py<PyRemoval>>,
    #[pyo3(get)]
    warnings: Vec<String>,
    /// The library's result, for the JSON and explain views.
    cleaned: Cleaned,
}

impl PyResult_ {
    /// Wraps a cleaned document (needs the GIL to create the objects).
    pub fn new(py: Python<'_>, mut cleaned: Cleaned) -> PyResult<PyResult_> {
        let removed = cleaned
            .removed
            .iter()
            .map(|r| {
                Py::new(
                    py,
                    PyRemoval {
                        kind: r.kind.name(),
                        rule: r.rule.clone(),
                        evidence: r.evidence.clone(),
                        text: r.text.clone(),
                        position: r.position,
                    },
                )
            })
            .collect::<PyResult<_>>()?;
        let metadata = Py::new(py, PyMetadata(cleaned.metadata.clone()))?;
        Ok(PyResult_ {
            body: std::mem::take(&mut cleaned.body),
            title: cleaned.title.clone(),
            metadata,
            removed,
            warnings: cleaned.warnings.clone(),
            cleaned,
        })
    }
}

#[pymethods]
impl PyResult_ {
    /// The stable JSON object (`schema/newsbody-output-v1.json`) as a
    /// string.
    fn to_json(&self) -> String {
        let mut c = self.cleaned.clone();
        c.body.clone_from(&self.body);
        serde_json::to_string(&c.to_json(None)).unwrap_or_default()
    }

    /// Every block with `keep` or `drop KIND RULE` and the evidence: the
    /// command's `--explain` view.
    fn explain(&self) -> String {
        self.cleaned.explain()
    }

    /// The body as Markdown (CommonMark with tables).
    fn to_markdown(&self) -> String {
        self.cleaned.to_markdown()
    }

    fn __repr__(&self) -> String {
        let title = match &self.title {
            Some(t) => format!("{t:?}"),
            None => "None".to_string(),
        };
        format!(
            "Result(title={title}, body=<{} chars>, removed=<{}>, warnings=<{}>)",
            self.body.chars().count(),
            self.removed.len(),
            self.warnings.len()
        )
    }
}

/// A removed block: `kind` (appeal, newsletter, related, ...), the `rule`
/// id that fired, the `evidence` it matched, the block's `text` and its
/// `position` among the document's blocks.
#[pyclass(frozen, name = "Removal", module = "newsbody")]
pub struct PyRemoval {
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    rule: String,
    #[pyo3(get)]
    evidence: String,
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    position: usize,
}

#[pymethods]
impl PyRemoval {
    fn __repr__(&self) -> String {
        format!(
            "Removal(kind={:?}, rule={:?}, text={:?})",
            self.kind, self.rule, self.text
        )
    }
}

/// What a page says about itself; every field is None when it does not
/// say (and for text input).
#[pyclass(frozen, name = "Metadata", module = "newsbody")]
pub struct PyMetadata(newsbody::Metadata);

#[pymethods]
impl PyMetadata {
    /// The title as the metadata gives it (og:title, JSON-LD, <title>).
    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }
    /// The author or authors, joined with "; ".
    #[getter]
    fn author(&self) -> Option<&str> {
        self.0.author.as_deref()
    }
    /// The publication date, ISO 8601.
    #[getter]
    fn date(&self) -> Option<&str> {
        self.0.date.as_deref()
    }
    /// The language, a BCP 47 tag.
    #[getter]
    fn language(&self) -> Option<&str> {
        self.0.language.as_deref()
    }
    /// The canonical URL.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.0.url.as_deref()
    }
    /// The site or publisher name.
    #[getter]
    fn site_name(&self) -> Option<&str> {
        self.0.site_name.as_deref()
    }
    /// The page's own summary.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }

    /// The fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let m = &self.0;
        for (k, v) in [
            ("title", &m.title),
            ("author", &m.author),
            ("date", &m.date),
            ("language", &m.language),
            ("url", &m.url),
            ("site_name", &m.site_name),
            ("description", &m.description),
        ] {
            d.set_item(k, v.as_deref())?;
        }
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!("Metadata({:?})", self.0)
    }
}
