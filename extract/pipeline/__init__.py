"""The extraction driver: articles streamed through the parse, detection and resolution."""
