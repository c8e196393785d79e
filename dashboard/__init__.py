"""geonews dashboard: Streamlit pages and chart exports over the DuckDB database."""
