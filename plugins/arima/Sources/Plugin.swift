// plugin arima: to be written.
