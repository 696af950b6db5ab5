"""HTML input: recognise a web page, extract the article with trafilatura, finish it with the
filters.

- `detect`: is this text a page (`looks_like_html`)?
- `render`: the element tree without what a reader never sees (`parse`), and its text with one
  line per block element (`render_text`);
- `extract`: the trafilatura call, its text and the page's metadata (`extract`), trafilatura
  imported with the first page;
- `page`: a page to a `Result` (`explain_page`): the filters on trafilatura's text, the page's
  own text where trafilatura finds too little, the metadata merged, the headline out.

Bytes are decoded by `newsclean.decoding`, for pages and dumps alike.
"""

from .detect import looks_like_html
from .extract import Extraction, extract
from .page import explain_page
from .render import parse, render_text

__all__ = ["Extraction", "explain_page", "extract", "looks_like_html", "parse", "render_text"]
