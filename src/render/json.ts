export const renderJson = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
