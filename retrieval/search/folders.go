package search

import (
	"encoding/json"
	"fmt"
)

// internalFolders is the internal key under which the index records the
// folders ingested from disk: for each document id prefix, the folder's
// path, so that two folders of one name are not taken for each other.
var internalFolders = []byte("hushdesk.folders")

// Folder returns the path of the folder last ingested under an id
// prefix, or "" when none was.
func (ix *Index) Folder(prefix string) (string, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	folders, err := ix.folders()
	if err != nil {
		return "", err
	}
	return folders[prefix], nil
}

// SetFolder records that the folder at path was ingested under an id
// prefix.
func (ix *Index) SetFolder(prefix, path string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	folders, err := ix.folders()
	if err != nil {
		return err
	}
	if folders[prefix] == path {
		return nil
	}
	folders[prefix] = path
	raw, err := json.Marshal(folders)
	if err != nil {
		return fmt.Errorf("encode folders: %w", err)
	}
	if err := ix.idx.SetInternal(internalFolders, raw); err != nil {
		return fmt.Errorf("save folders: %w", err)
	}
	return nil
}

// folders reads the recorded folders. Callers hold mu.
func (ix *Index) folders() (map[string]string, error) {
	raw, err := ix.idx.GetInternal(internalFolders)
	if err != nil {
		return nil, fmt.Errorf("read folders: %w", err)
	}
	folders := map[string]string{}
	if raw != nil {
		if err := json.Unmarshal(raw, &folders); err != nil {
			return nil, fmt.Errorf("decode folders: %w", err)
		}
	}
	return folders, nil
}
