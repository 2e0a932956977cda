package export

import "carnet/internal/domain"

// sink writes the customers of one file, one at a time, in list order.
type sink interface {
	// Write writes c, or leaves it out and returns why (one of the Skip*
	// reasons); "" means written.
	Write(c *domain.Customer) (skip string, err error)
	// Close finishes the file. It does not close the underlying writer.
	Close() error
}
