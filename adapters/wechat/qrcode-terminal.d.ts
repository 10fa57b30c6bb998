// qrcode-terminal ships no types; this is the one function we use.
declare module 'qrcode-terminal' {
  const qrcodeTerminal: {
    generate(text: string, options: { small?: boolean }, callback: (qr: string) => void): void;
  };
  export default qrcodeTerminal;
}
