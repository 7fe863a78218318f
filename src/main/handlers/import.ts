import { convertDocument } from '../services/import/convert-document';
import { currentActor, type Caller, type HandlerContext } from './context';

export const importHandlers = (ctx: HandlerContext) => ({
  convertDocument: async ({ name, dataBase64 }: { name: string; dataBase64: string }, caller: Caller) => {
    await currentActor(ctx, caller);
    return convertDocument(name, Buffer.from(dataBase64, 'base64'));
  },
});
