"""What every layer of the site shares: its settings (``config``), numbers as readers read them
(``formatting``), the one URL builder (``urls``) and the charts' drawing (``svg``)."""
