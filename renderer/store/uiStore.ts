/** UI state only (never records): sidebar and the result of the persistent-storage request. */
import { create } from 'zustand';

export type StoragePersistence = 'pending' | 'granted' | 'denied' | 'unsupported';

interface UiState {
  sidebarCollapsed: boolean;
  storagePersistence: StoragePersistence;
  setSidebarCollapsed(collapsed: boolean): void;
  setStoragePersistence(state: StoragePersistence): void;
}

export const useUiStore = create<UiState>()((set) => ({
  sidebarCollapsed: false,
  storagePersistence: 'pending',
  setSidebarCollapsed: (sidebarCollapsed) => set({ sidebarCollapsed }),
  setStoragePersistence: (storagePersistence) => set({ storagePersistence }),
}));
