"""Finding text: the search index, search with context, word frequency and auto-coding."""
