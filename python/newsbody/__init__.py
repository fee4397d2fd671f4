"""newsbody: the clean body of a news article, without the publisher's
appeals and boilerplate, and the reason for every removal.

>>> import newsbody
>>> r = newsbody.clean("The bridge reopens in May.\\nRead more: Other news\\n")
>>> r.body
'The bridge reopens in May.\\n'
>>> r.removed[0].rule
'en.related.read-more'

Entry points:

- ``clean(data, *, input="auto", rules=None)``: one document (``bytes`` or
  ``str``) to a ``Result``.
- ``Cleaner(*, input="auto", rules=None)``: rules compiled once; its
  ``clean`` is thread-safe and releases the GIL.
- ``iter_warc(path)``: the cleaned HTML pages of a ``.warc``/``.warc.gz``.
- ``newsbody.datatrove.NewsbodyExtractor``: a datatrove pipeline step
  (``pip install newsbody[datatrove]``).
"""

from ._newsbody import (
    Cleaner,
    Metadata,
    NewsbodyError,
    Removal,
    Result,
    WarcIterator,
    WarcRecord,
    __version__,
    clean,
    iter_warc,
)

__all__ = [
    "Cleaner",
    "Metadata",
    "NewsbodyError",
    "Removal",
    "Result",
    "WarcIterator",
    "WarcRecord",
    "__version__",
    "clean",
    "iter_warc",
]
