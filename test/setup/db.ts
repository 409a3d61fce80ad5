// db project: a real IndexedDB implementation in memory, fresh per test file.
import "fake-indexeddb/auto";
