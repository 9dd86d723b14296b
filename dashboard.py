"""planmonitor: the dashboard's entry point (`streamlit run dashboard.py`).

The frame lives in planmonitor.ui.frame: language, data, the shared filters (bound to the
URL), navigation and the error guard around the current page.
"""

from planmonitor.ui import frame

frame.run()
