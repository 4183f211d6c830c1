"""Explain a news article claim by claim: load, check and show its data package."""
