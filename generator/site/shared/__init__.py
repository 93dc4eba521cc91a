"""What every layer of the site shares: its settings (``config``), numbers as readers read them
(``formatting``) and the one URL builder (``urls``)."""
