"""What the tests share, in one place (imported as `support.<module>`: pytest puts tests/ on
sys.path, since tests/ is no package).

    data      where things are (the checkout, fixtures/, tests/data, the shared folder), the
              bbc_like fixture's input and clean text, a phrase folder written for a test
    texts     paragraphs the filter tests build their inputs around
    checks    clean() checked to give valid text that cleans to itself
    command   the `newsclean` command run in a subprocess; its one-line errors
    browser   a headless Chromium driven over the DevTools protocol
    strategies  hypothesis strategies: dumps, clean articles, hostile strings, any text
"""
