import { portalPathOf, type ChannelAdapter } from './channel-adapter';

/**
 * 政府网站: the project's own public portal. The portal shows an item while its read model says RELEASED,
 * so there is nothing to push: the ledger row written after this call is the publication itself.
 */
export function createWebsiteChannelAdapter(): ChannelAdapter {
  return {
    kind: 'website',
    async publish(request) {
      return { reference: portalPathOf(request.itemId) };
    },
    async withdraw(request) {
      return { reference: portalPathOf(request.itemId) };
    },
  };
}
