// Installation-wide settings the admin changes in the app (kept in the store, so every instance sees them).
export type AppSettingName = "require-admin-two-factor";

export interface AppSettings {
  get(name: AppSettingName): Promise<string | null>;
  set(name: AppSettingName, value: string | null): Promise<void>;
}
