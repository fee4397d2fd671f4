"""A datatrove pipeline step: ``NewsbodyExtractor`` takes the place of
datatrove's ``Trafilatura`` extractor (``pip install newsbody[datatrove]``).

>>> from datatrove.pipeline.readers import WarcReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from newsbody.datatrove import NewsbodyExtractor
>>> pipeline = [WarcReader("crawl/"), NewsbodyExtractor(), JsonlWriter("out/")]

Each document's ``text`` (the page's HTML, as datatrove's readers give it)
becomes its clean body; documents whose body is empty are dropped, as
datatrove's extractors do. Cleaning runs in the sandboxed worker process
datatrove gives every extractor, with its per-document ``timeout``.
"""

from __future__ import annotations

from datatrove.pipeline.extractors.base import BaseExtractor

from . import Cleaner


class NewsbodyExtractor(BaseExtractor):
    """newsbody as a datatrove extractor.

    Args:
        timeout: seconds allowed per document (datatrove's sandbox).
        input: "html" (the default: datatrove's readers give pages),
            "auto" or "text".
        rules: extra rule files, as for ``newsbody.Cleaner``.
    """

    name = "📰 newsbody"
    _requires_dependencies = ["newsbody"]

    def __init__(self, timeout: float = 1, *, input: str = "html", rules=None):
        super().__init__(timeout)
        self.input = input
        self.rules = rules
        # Validates the options now, in the parent process; the worker
        # process builds its own (a compiled Cleaner is not picklable).
        Cleaner(input=input, rules=rules)
        self._cleaner: Cleaner | None = None

    def extract(self, text: str) -> str:
        """The clean body of one page."""
        if self._cleaner is None:
            self._cleaner = Cleaner(input=self.input, rules=self.rules)
        return self._cleaner.clean(text).body

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state
