"""What a build makes besides pages, at ``build-finished``: feeds, sitemap and robots.txt,
share cards, pruning of vanished pages; and the state files kept between builds.
"""
