"""Reading input: files, feeds and manifests into raw articles; the reporting text of each."""
