/**
 * The kit every page of Atrium's own sites is built with (Preact): what a site gives its pages,
 * loading data, paged lists, forms, and the small parts every page shows. See ../README.md.
 */
export { SiteContext, useSite, useTitle, type Look, type Site } from './site.tsx';
export { useResource, type Resource } from './use-resource.ts';
export { Empty, Failure, Loaded, Loading } from './states.tsx';
export { PagedList, usePager, type FetchPage, type PageOf, type PagedListProps } from './paged-list.tsx';
export { ActionButton, Form, FormError, Invalid, Submit, useForm, type FormState } from './form.tsx';
export { bind, Field, Select, TextArea, TextInput, type Choice } from './fields.tsx';
export { Money, StatusChip, type Label, type Tone } from './chips.tsx';
export { Link } from './link.tsx';
export { AppIcon } from './app-icon.tsx';
