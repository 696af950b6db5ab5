"""The default filters, one module per family. Each module exposes one `Step`."""
