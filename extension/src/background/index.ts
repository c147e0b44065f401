// Background: owns the clip queue and the transport.
export {};
