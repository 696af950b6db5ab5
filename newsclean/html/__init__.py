"""HTML input: recognise a web page, find the article among its DOM blocks with a learned
model (trafilatura's verdict one of its facts), finish it with the filters.

- `detect`: is this text a page (`looks_like_html`)?
- `render`: the element tree without what a reader never sees (`parse`), and its text with one
  line per block element (`render_text`);
- `blocks`: the page's blocks in reading order and the DOM block table (`dom_blocks`, `facts`);
- `extract`: the trafilatura call, its text and the page's metadata (`extract`), trafilatura
  imported with the first page;
- `find`: the DOM block model and a Viterbi pass: the article's blocks, a reason for each
  block left out (`find_article`);
- `page`: a page to a `Result` (`explain_page`): the filters on the article's text, the page's
  own text where too little is found, the metadata merged, the headline out.

Bytes are decoded by `newsclean.decoding`, for pages and dumps alike.
"""

from .detect import looks_like_html
from .extract import Extraction, extract
from .page import explain_page
from .render import parse, render_text

__all__ = ["Extraction", "explain_page", "extract", "looks_like_html", "parse", "render_text"]
