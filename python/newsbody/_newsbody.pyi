"""Type hints of the compiled module (python/src/*.rs)."""

import os
from typing import Iterator, Literal, Sequence, Union

InputKind = Literal["auto", "html", "text"]
RuleFile = Union[str, os.PathLike[str], tuple[str, str]]
Rules = Union[RuleFile, Sequence[RuleFile], None]

__version__: str

class NewsbodyError(ValueError):
    """Cleaning failed or the rules are malformed; the message says why."""

class Removal:
    """A removed block and why."""

    @property
    def kind(self) -> str:
        """appeal, newsletter, subscription, related, share, republish,
        copyright, cookie, ad, credit, author, navigation, promo, heading or
        outside."""
    @property
    def rule(self) -> str:
        """The id of the rule that fired (en.related.read-more, ...)."""
    @property
    def evidence(self) -> str:
        """The phrase or signal that made it fire."""
    @property
    def text(self) -> str:
        """The removed text, as it stood in the input."""
    @property
    def position(self) -> int:
        """The block's index among all blocks of the document, from 0."""

class Metadata:
    """What a page says about itself; None where it does not say."""

    @property
    def title(self) -> str | None: ...
    @property
    def author(self) -> str | None:
        """The author or authors, joined with "; "."""
    @property
    def date(self) -> str | None:
        """The publication date, ISO 8601."""
    @property
    def language(self) -> str | None:
        """A BCP 47 tag."""
    @property
    def url(self) -> str | None:
        """The canonical URL."""
    @property
    def site_name(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    def to_dict(self) -> dict[str, str | None]: ...

class Result:
    """A cleaned document."""

    @property
    def body(self) -> str:
        """The clean article body."""
    @property
    def title(self) -> str | None:
        """The page's title (None for text input)."""
    @property
    def metadata(self) -> Metadata: ...
    @property
    def removed(self) -> list[Removal]:
        """Every removed block, in document order."""
    @property
    def warnings(self) -> list[str]:
        """Problems that did not stop cleaning (malformed bytes, a guessed
        charset, a payload cut by the crawler)."""
    def to_json(self) -> str:
        """The schema-1 JSON object (schema/newsbody-output-v1.json)."""
    def explain(self) -> str:
        """Every block with keep or drop KIND RULE and the evidence."""
    def to_markdown(self) -> str:
        """The body as CommonMark with tables."""

class Cleaner:
    """Rules compiled once; clean() is thread-safe and releases the GIL."""

    def __init__(self, *, input: InputKind = "auto", rules: Rules = None) -> None: ...
    def clean(self, data: bytes | str) -> Result:
        """Cleans one document. Raises NewsbodyError for an input over
        256 MiB, TypeError for anything but bytes or str."""

def clean(data: bytes | str, *, input: InputKind = "auto", rules: Rules = None) -> Result:
    """Cleans one document with a one-off Cleaner."""

class WarcRecord:
    """One HTML page of a WARC file: either result or error is set."""

    @property
    def warc_record_id(self) -> str | None: ...
    @property
    def url(self) -> str | None:
        """WARC-Target-URI."""
    @property
    def date(self) -> str | None:
        """WARC-Date."""
    @property
    def offset(self) -> int:
        """Where the record (or its gzip member) starts in the file."""
    @property
    def result(self) -> Result | None: ...
    @property
    def error(self) -> str | None: ...

class WarcIterator(Iterator[WarcRecord]):
    def __iter__(self) -> WarcIterator: ...
    def __next__(self) -> WarcRecord: ...
    @property
    def skipped(self) -> dict[str, int]:
        """Records passed over so far: other_type (not a response or
        resource) and not_html."""

def iter_warc(
    path: str | os.PathLike[str],
    *,
    input: InputKind = "html",
    rules: Rules = None,
    cleaner: Cleaner | None = None,
) -> WarcIterator:
    """The cleaned HTML pages of a .warc or .warc.gz file, in file order,
    with constant memory. Raises OSError when the file cannot be opened."""
