"""Streamlit-only helpers. The only place in the package allowed to import streamlit."""
