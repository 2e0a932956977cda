package shopsync

import (
	"context"
	"strings"

	"carnet/internal/importer"
)

// syncProfile starts the journal's profile of every sync, which tells
// syncs from imports in the one journal they share.
const syncProfile = "Synchronisation "

func (s *Syncer) history(ctx context.Context) ([]importer.Batch, error) {
	all, err := s.im.Journal(ctx)
	if err != nil {
		return nil, err
	}
	var out []importer.Batch
	for _, b := range all {
		if strings.HasPrefix(b.Profile, syncProfile) {
			out = append(out, b)
		}
	}
	return out, nil
}
