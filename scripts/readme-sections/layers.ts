import { layersMarkdown } from '../layers.js';

/** README section `layers` ("Working on this repository"): the folder map and the layer table. */
export default function layersSection(): string {
  return layersMarkdown();
}
