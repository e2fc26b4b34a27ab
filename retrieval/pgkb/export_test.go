package pgkb

// LoseNextNotification makes the listener drop the next notification it
// receives, as if it had never arrived.
func (l *Library) LoseNextNotification() { l.lose.Store(true) }
