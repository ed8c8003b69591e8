// Renderer unit tests: jest-dom matchers, and an in-memory IndexedDB (a fresh one per test file).
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
