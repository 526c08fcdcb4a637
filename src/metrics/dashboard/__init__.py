"""The Streamlit dashboard's shared parts: page registry, state, cached data, charts and widgets.

The pages themselves (pages/*.py next to app.py) only arrange these over named query results.
"""
