import { convertDocument } from '../services/import/convert-document';
import { currentPerson, type Caller, type HandlerContext } from './context';

export const importHandlers = (ctx: HandlerContext) => ({
  convertDocument: async ({ name, dataBase64 }: { name: string; dataBase64: string }, caller: Caller) => {
    await currentPerson(ctx, caller);
    return convertDocument(name, Buffer.from(dataBase64, 'base64'));
  },
});
